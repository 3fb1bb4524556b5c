#!/usr/bin/env python3
"""Fails (exit 1) when a file of a lower layer includes a higher one, or when core includes
Qt Widgets. The layer map is core/layers.txt; run by every build (core/CMakeLists.txt).

    check_layers.py --root REPO [--widgets-dir DIR]

--widgets-dir: Qt's QtWidgets include folder; each header in it (<QWidget>, <QDialog>, ...)
is refused in core/, as is any <QtWidgets/...>.
"""
import argparse
import os
import re
import sys

INCLUDE = re.compile(r'^\s*#\s*include\s*([<"])([^>"]+)[>"]', re.MULTILINE)
SOURCES = ('.h', '.hpp', '.cpp', '.cc')


def read_layers(path):
    """folder -> set of folders it may include (itself included)."""
    layers = {}
    with open(path, encoding='utf-8') as f:
        for number, line in enumerate(f, 1):
            line = line.split('#', 1)[0].strip()
            if not line:
                continue
            if ':' not in line:
                sys.exit(f'{path}:{number}: expected "FOLDER: FOLDERS IT MAY INCLUDE"')
            folder, allowed = line.split(':', 1)
            layers[folder.strip()] = set(allowed.split()) | {folder.strip()}
    return layers


def layer_of(path, layers):
    """The longest layer folder holding `path` (a repo-relative path with '/'), or None."""
    best = None
    for folder in layers:
        if (path.startswith(folder + '/')) and (best is None or len(folder) > len(best)):
            best = folder
    return best


def covers(allowed, folder):
    return any(folder == a or folder.startswith(a + '/') for a in allowed)


def check(root, widgets_headers):
    layers = read_layers(os.path.join(root, 'core', 'layers.txt'))
    problems = []
    for top in sorted({f.split('/')[0] for f in layers}):
        for dirpath, _, files in os.walk(os.path.join(root, top)):
            for name in sorted(files):
                if not name.endswith(SOURCES):
                    continue
                full = os.path.join(dirpath, name)
                rel = os.path.relpath(full, root).replace(os.sep, '/')
                own = layer_of(rel, layers)
                if own is None:
                    continue
                with open(full, encoding='utf-8', errors='replace') as f:
                    text = f.read()
                for match in INCLUDE.finditer(text):
                    kind, target = match.groups()
                    line = text.count('\n', 0, match.start()) + 1
                    if kind == '"':
                        theirs = layer_of(target, layers)
                        if theirs is not None and not covers(layers[own], theirs):
                            problems.append(f'{rel}:{line}: {own} may not include "{target}" '
                                            f'({theirs} is not below it; see core/layers.txt)')
                    elif rel.startswith('core/') and (target.startswith('QtWidgets/') or
                                                      target in widgets_headers):
                        problems.append(f'{rel}:{line}: core may not include <{target}> '
                                        f'(Qt Widgets belongs to ui/)')
    return problems


def main():
    parser = argparse.ArgumentParser(description=__doc__.split('\n')[0])
    parser.add_argument('--root', required=True)
    parser.add_argument('--widgets-dir', default='')
    args = parser.parse_args()
    widgets = set()
    if args.widgets_dir and os.path.isdir(args.widgets_dir):
        widgets = set(os.listdir(args.widgets_dir))
        widgets |= {'QtWidgets'}
    problems = check(args.root, widgets)
    for p in problems:
        print(p, file=sys.stderr)
    if problems:
        print(f'check_layers: {len(problems)} include(s) against the layer map', file=sys.stderr)
        return 1
    return 0


if __name__ == '__main__':
    sys.exit(main())
