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

# Only an item's question that waits lists its choices, this one last (the answered question
# leaves a line with its words too): wait for it before pressing, since keys pressed before a
# question is on screen are discarded in a terminal.
ASKING = "Skip for now"
