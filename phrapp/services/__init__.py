"""Use cases shared by the CLI, the GUI and the clinic side. No Qt here."""
