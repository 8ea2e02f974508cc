"""The application layer: one use case per command, between the command line and the flows.

A command of `safecheck.cli` parses its options into a request, calls one use case here
with the `Run`, and hands the `Result` to `render`, the only code that prints a result.
A use case decides the rules (which options go together, when to ask, what to open),
returns data, messages (ids with values) and an exit code, and never imports typer.
"""
