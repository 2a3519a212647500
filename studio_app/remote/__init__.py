"""The phone remote and the follower prompter: commands, pairing, state and the LAN server (no Qt)."""
