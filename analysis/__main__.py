"""``python -m analysis``: the newslens command line.

A finished command leaves without the interpreter's teardown, which frees every object one at a
time (the spaCy model, its vocabulary, the tables): 0.4–0.5 s of every run, for memory the system
takes back at once. By then everything the command wrote is closed; the exit handlers (logging,
helper processes, temporary files) still run. A command that fails with a traceback exits as usual.
"""
import atexit
import os
import sys

from analysis.cli import main

code = main()
try:
    sys.stdout.flush()
    sys.stderr.flush()
except (BrokenPipeError, ValueError):  # `| head`, or a stream closed by the caller: nothing left to say
    pass
atexit._run_exitfuncs()
os._exit(code if isinstance(code, int) else 0 if code is None else 1)
