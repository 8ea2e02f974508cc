#!/bin/sh
# Runs the given command inside a private D-Bus session with an unlocked
# gnome-keyring, so the keyring tests talk to a real Secret Service.
# The keyring lives in a temporary folder (XDG_DATA_HOME, XDG_RUNTIME_DIR), so
# the tests never touch your own keyring, and it is removed afterwards.
# Where either tool is missing, the command runs as it is and those tests skip.
if command -v dbus-run-session >/dev/null 2>&1 && command -v gnome-keyring-daemon >/dev/null 2>&1; then
    scratch=$(mktemp -d)
    trap 'rm -rf "$scratch"' EXIT
    mkdir -m 700 "$scratch/data" "$scratch/run"
    XDG_DATA_HOME="$scratch/data" XDG_RUNTIME_DIR="$scratch/run" \
        dbus-run-session -- sh -c '
        printf "%s" safecheck-test | gnome-keyring-daemon --unlock --components=secrets >/dev/null 2>&1
        SAFECHECK_TEST_SECRET_SERVICE=1 exec "$@"' sh "$@"
    exit $?
fi
exec "$@"
