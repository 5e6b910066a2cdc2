"""Team projects over git, the pure parts: where each thing lives in the team's repository (:mod:`.layout`), the
files' formats (:mod:`.files`: documents, layers one span per line, assignments, members, removals) and the speaker
registry as per-member event logs that merge without conflicts (:mod:`.registry`).

Nothing here runs git or touches a project: the operations (``app.operations.team``) do, with these values.
"""
