#!/usr/bin/python3
"""Reads Herald's main window over AT-SPI, as a screen reader does, and fails when an input
control or button has no name (the in-process audit is tests/ui/tst_accessibility).
Run by tests/ui/atspi_check.sh inside dbus-run-session with the AT-SPI bus started."""
import sys, time
import pyatspi

CONTROLS = {pyatspi.ROLE_PUSH_BUTTON, pyatspi.ROLE_TOGGLE_BUTTON, pyatspi.ROLE_CHECK_BOX,
            pyatspi.ROLE_RADIO_BUTTON, pyatspi.ROLE_TEXT, pyatspi.ROLE_ENTRY,
            pyatspi.ROLE_COMBO_BOX, pyatspi.ROLE_SPIN_BUTTON, pyatspi.ROLE_TREE,
            pyatspi.ROLE_TREE_TABLE, pyatspi.ROLE_TABLE, pyatspi.ROLE_LIST,
            pyatspi.ROLE_SLIDER, pyatspi.ROLE_PAGE_TAB_LIST, pyatspi.ROLE_TOOL_BAR}

def find_app(name, timeout=20):
    end = time.time() + timeout
    while time.time() < end:
        desktop = pyatspi.Registry.getDesktop(0)
        for app in desktop:
            if app is not None and app.name == name:
                return app
        time.sleep(0.2)
    return None

def walk(node, depth=0):
    yield node
    if depth > 40:
        return
    for child in node:
        if child is not None:
            yield from walk(child, depth + 1)

app = find_app(sys.argv[1] if len(sys.argv) > 1 else "herald")
if app is None:
    print("herald did not appear on the AT-SPI bus", file=sys.stderr)
    sys.exit(2)
named, unnamed = [], []
for node in walk(app):
    if node.getRole() in CONTROLS:
        if node.name.strip():
            named.append((node.getRoleName(), node.name))
        else:
            chain, p = [], node.parent
            while p is not None and p != app:
                chain.insert(0, f"{p.getRoleName()} '{p.name}'")
                p = p.parent
            unnamed.append((node.getRoleName(), " / ".join(chain)))
for role, name in named:
    print(f"{role}: {name}")
for role, where in unnamed:
    print(f"UNNAMED {role} in {where}", file=sys.stderr)
wanted = {"Folders", "Messages", "Main Toolbar", "Delete", "Sync Now", "Search messages",
          "Search all folders of all accounts"}
missing = wanted - {n for _, n in named}
if missing:
    print(f"not seen over AT-SPI: {sorted(missing)}", file=sys.stderr)
sys.exit(1 if unnamed or missing else 0)
