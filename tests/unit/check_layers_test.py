#!/usr/bin/env python3
"""core/check_layers.py refuses a wrong include: a tree with the repo's layer map and one file
per case, checked by the real script (as the build runs it). Run by ctest (unit/check_layers)."""
import os
import shutil
import subprocess
import sys
import tempfile
import unittest

REPO = os.path.abspath(os.path.join(os.path.dirname(__file__), '..', '..'))
CHECKER = os.path.join(REPO, 'core', 'check_layers.py')

# (file, the line it holds, passes?) — one tree per row
CASES = [
    ('core/store/Bad.cpp', '#include "core/sync/AccountPass.h"', False),          # up two layers
    ('core/net/Bad.h', '#include "core/store/Store.h"', False),                   # sideways at the bottom
    ('core/imap/Bad.cpp', '#include "core/engine/imap/FolderSync.h"', False),     # protocol -> engine
    ('core/imap/Bad.cpp', '#include "core/store/Store.h"', False),                # protocol touches the cache
    ('core/engine/smtp/Bad.cpp', '#include "core/engine/imap/AccountSync.h"', False),  # sibling engines
    ('core/ingest/Bad.cpp', '#include "core/sync/VerdictPass.h"', False),
    ('core/tasks/Bad.cpp', '#include "core/engine/imap/TaskReplayer.h"', False),
    ('core/sync/Bad.cpp', '#include "ui/MainWindow.h"', False),                   # core -> ui
    ('core/mime/Bad.cpp', '#include <QWidget>', False),                           # core -> Qt Widgets
    ('core/mime/Bad.cpp', '#include <QtWidgets/QDialog>', False),
    ('ui/Bad.cpp', '#include "app/cli/Commands.h"', False),                       # ui -> app
    ('core/sync/Good.cpp', '#include "core/engine/imap/FolderSync.h"', True),
    ('core/engine/imap/Good.cpp', '#include "core/imap/ImapSession.h"', True),
    ('core/mime/Good.cpp', '#include "core/mime/internal/PartTree.h"', True),
    ('core/store/Good.cpp', '#include <QJsonObject>', True),
    ('ui/Good.cpp', '#include <QWidget>', True),
    ('app/Good.cpp', '#include "ui/MainWindow.h"', True),
]


def widgets_dir():
    for root in ('/usr/include/x86_64-linux-gnu/qt6', '/usr/include/qt6', '/usr/include/aarch64-linux-gnu/qt6'):
        if os.path.isdir(os.path.join(root, 'QtWidgets')):
            return os.path.join(root, 'QtWidgets')
    return ''


def run_checker(root):
    return subprocess.run([sys.executable, CHECKER, '--root', root, '--widgets-dir', widgets_dir()],
                          capture_output=True, text=True)


class CheckLayers(unittest.TestCase):
    def test_cases(self):
        for path, line, passes in CASES:
            with self.subTest(path=path, line=line), tempfile.TemporaryDirectory() as tree:
                os.makedirs(os.path.join(tree, 'core'))
                shutil.copy(os.path.join(REPO, 'core', 'layers.txt'), os.path.join(tree, 'core'))
                os.makedirs(os.path.join(tree, os.path.dirname(path)), exist_ok=True)
                with open(os.path.join(tree, path), 'w') as f:
                    f.write('// a case of tests/unit/check_layers_test.py\n' + line + '\n')
                result = run_checker(tree)
                if passes:
                    self.assertEqual(result.returncode, 0, result.stderr)
                else:
                    self.assertEqual(result.returncode, 1, result.stderr)
                    self.assertIn(path + ':2:', result.stderr)  # names the file and the line

    def test_the_repository_passes(self):
        result = run_checker(REPO)
        self.assertEqual(result.returncode, 0, result.stderr)

    def test_widgets_headers_are_known(self):
        self.assertTrue(widgets_dir(), 'Qt 6 QtWidgets headers not found')


if __name__ == '__main__':
    unittest.main()
