"""``python -m integrations.sandbox --seed FILE --db URL --port N``: the sandbox without the bot CLI."""

import argparse
import sys

from integrations.sandbox.cli import add_serve_arguments, serve

parser = argparse.ArgumentParser(prog="python -m integrations.sandbox", description="KAS back-end sandbox")
add_serve_arguments(parser)
sys.exit(serve(parser.parse_args()))
