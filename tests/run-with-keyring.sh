#!/bin/sh
# Runs the given command inside a private D-Bus session with an unlocked
# gnome-keyring, so the keyring tests talk to a real Secret Service.
# Where either tool is missing, the command runs as it is and those tests skip.
if command -v dbus-run-session >/dev/null 2>&1 && command -v gnome-keyring-daemon >/dev/null 2>&1; then
    exec dbus-run-session -- sh -c '
        printf "%s" safecheck-test | gnome-keyring-daemon --unlock --components=secrets >/dev/null 2>&1
        SAFECHECK_TEST_SECRET_SERVICE=1 exec "$@"' sh "$@"
fi
exec "$@"
