"""Key sequences as a terminal sends them, for feeding real prompts."""

ENTER = "\r"
DOWN = "\x1b[B"
UP = "\x1b[A"
CTRL_C = "\x03"
ESC = "\x1b"

# The reply choices of a checklist item, in the order they are offered.
DONE = ENTER
NOT_YET = DOWN + ENTER
NOT_FOR_ME = DOWN * 2 + ENTER
TELL_ME_HOW = DOWN * 3 + ENTER
SKIP = DOWN * 4 + ENTER
