"""The command line: the window by default, and commands for IT and tests.

Every command takes ``--data-dir DIR``; all app data lives under it. Commands print
plain sentences for people and exit 0 on success, 1 when the work failed and 2 for
a usage error.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from collections.abc import Sequence
from pathlib import Path

from sqlalchemy.exc import OperationalError

from mmu_desktop import __version__, cli_sync, logs, provision
from mmu_desktop import settings as settings_store
from mmu_desktop.cli_common import EXIT_FAILED, EXIT_OK, EXIT_USAGE, add_data_dir
from mmu_desktop.paths import DataDir

MAX_DEMO_PEOPLE = 20000  # the most IDs central hands out at once
MAX_DEMO_VISITS = 1_000_000


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="mmu-desktop",
        description="MMU Desktop: offline registration and visits, synced with AMRIT.",
    )
    parser.add_argument("--version", action="version", version=f"mmu-desktop {__version__}")
    add_data_dir(parser)
    parser.add_argument(
        "--demo",
        action="store_true",
        help="start a demo central server on 127.0.0.1 with a fresh demo data dir",
    )
    parser.add_argument(
        "--self-check",
        action="store_true",
        help="check that this program can run here (version, Qt, keyring, data folder, "
        "database); exit 0 only if all is well",
    )
    # For installer checks: close the window this many seconds after it is shown.
    parser.add_argument(
        "--quit-after", type=float, default=None, metavar="SECONDS", help=argparse.SUPPRESS
    )
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")

    config = sub.add_parser("config", help="show or change van settings and server URLs")
    add_data_dir(config)
    config_sub = config.add_subparsers(dest="config_command", required=True)
    config_set = config_sub.add_parser("set", help="set one setting")
    add_data_dir(config_set)
    config_set.add_argument("key", choices=settings_store.key_names(), metavar="KEY")
    config_set.add_argument("value", metavar="VALUE")
    config_show = config_sub.add_parser("show", help="print every setting")
    add_data_dir(config_show)

    seed = sub.add_parser("seed-demo", help="make synthetic beneficiaries and visits")
    add_data_dir(seed)
    seed.add_argument("--beneficiaries", type=int, required=True, metavar="N")
    seed.add_argument("--visits", type=int, required=True, metavar="M")
    seed.add_argument("--seed", type=int, default=None, metavar="S", help="random seed")

    status = sub.add_parser("status", help="pending rows per table and IDs in the pool")
    add_data_dir(status)
    status.add_argument("--json", action="store_true", help="print JSON")

    cli_sync.add_commands(sub)
    provision.add_command(sub)
    for name, child in sub.choices.items():
        if name not in {"config"} and "--data-dir" not in child._option_string_actions:
            add_data_dir(child)
    return parser


def run(argv: Sequence[str]) -> int:
    """Run one command; return its exit code. Known failures print one plain sentence."""
    parser = build_parser()
    args = parser.parse_args(argv)
    try:
        return _dispatch(parser, args)
    except KeyboardInterrupt:
        print("mmu-desktop: stopped. Everything saved before the stop is kept.", file=sys.stderr)
        return EXIT_FAILED
    except BrokenPipeError:
        # The reader (say, `head`) went away; nothing is wrong with the data.
        sys.stderr.close()
        return EXIT_OK
    except settings_store.SettingError as exc:
        print(f"mmu-desktop: {exc}", file=sys.stderr)
        return EXIT_FAILED
    except OperationalError as exc:
        print(f"mmu-desktop: {database_problem(exc)}", file=sys.stderr)
        return EXIT_FAILED
    except OSError as exc:
        where = f" ({exc.filename})" if exc.filename else ""
        print(
            f"mmu-desktop: cannot use the data folder{where}: {exc.strerror or exc}. "
            "Check that it exists and that this user may write to it.",
            file=sys.stderr,
        )
        return EXIT_FAILED


def database_problem(exc: OperationalError) -> str:
    """A sentence for a database error a person can do something about."""
    text = str(exc.orig or exc).lower()
    if "locked" in text or "busy" in text:
        return (
            "the database is busy: another MMU Desktop (window or command) is saving. "
            "Nothing was lost; try again in a moment."
        )
    if "readonly" in text or "read-only" in text:
        return "the database file is read-only: this user may not write to the data folder."
    if "disk is full" in text or "full" in text:
        return "the disk is full: free some space, then try again. Nothing was lost."
    return f"the database could not be used ({text[:120]})."


def _dispatch(parser: argparse.ArgumentParser, args: argparse.Namespace) -> int:
    data_dir = getattr(args, "data_dir", None)
    command = args.command
    if args.self_check:
        from mmu_desktop.self_check import run_self_check

        return run_self_check(data_dir)
    if command != "config":
        logs.configure(DataDir.at(data_dir))
    if command is None:
        if _no_screen():
            print(
                "mmu-desktop: no screen found (DISPLAY is not set). Start the window from "
                "the desktop, or use the commands (see 'mmu-desktop --help').",
                file=sys.stderr,
            )
            return EXIT_FAILED
        from mmu_desktop.ui.app import run_window

        return run_window(data_dir, demo=args.demo, quit_after=args.quit_after)
    if command == "config":
        return _config(args, data_dir)
    if command == "seed-demo":
        return _seed_demo(args, data_dir)
    if command == "status":
        return _status(args, data_dir)
    handler = getattr(args, "handler", None)
    if handler is None:
        parser.error(f"unknown command {command}")
    result: int = handler(args, data_dir)
    return result


def _no_screen() -> bool:
    if not sys.platform.startswith("linux") or os.environ.get("QT_QPA_PLATFORM"):
        return False
    return not (os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY"))


def _config(args: argparse.Namespace, root: Path | None) -> int:
    data_dir = DataDir.at(root)
    if args.config_command == "show":
        current = settings_store.load(data_dir)
        print(f"# data folder: {data_dir.root}")
        for key in settings_store.key_names():
            print(f"{key} = {settings_store.shown(current, key)}")
        return EXIT_OK
    try:
        current = settings_store.load(data_dir)
    except settings_store.SettingError as exc:
        kept = settings_store.set_aside_damaged(data_dir)
        print(
            f"mmu-desktop: {exc}\nThe unreadable file was kept as {kept.name}; "
            "starting again from empty settings.",
            file=sys.stderr,
        )
        current = settings_store.Settings()
    try:
        settings_store.set_value(current, args.key, args.value)
    except settings_store.SettingError as exc:
        print(f"mmu-desktop: {exc}", file=sys.stderr)
        return EXIT_USAGE
    settings_store.save(data_dir, current)
    print(f"{args.key} = {settings_store.shown(current, args.key)}")
    if args.key == "van-id":
        print(
            "Each laptop needs a van-id of its own: two laptops with one van-id "
            "overwrite each other's records on central.",
            file=sys.stderr,
        )
    return EXIT_OK


def _seed_demo(args: argparse.Namespace, root: Path | None) -> int:
    from mmu_desktop.context import AppContext
    from mmu_desktop.db.demo_data import seed_demo
    from mmu_desktop.db.id_pool import PoolEmpty

    if not 0 <= args.beneficiaries <= MAX_DEMO_PEOPLE or not 0 <= args.visits <= MAX_DEMO_VISITS:
        print(
            f"mmu-desktop: make between 0 and {MAX_DEMO_PEOPLE:,} beneficiaries and "
            f"between 0 and {MAX_DEMO_VISITS:,} visits",
            file=sys.stderr,
        )
        return EXIT_USAGE
    if args.visits and not args.beneficiaries:
        print("mmu-desktop: visits need at least one beneficiary", file=sys.stderr)
        return EXIT_USAGE
    ctx = AppContext.open(root)
    try:
        van = ctx.van()
    except LookupError as exc:
        print(f"mmu-desktop: {exc}", file=sys.stderr)
        return EXIT_FAILED
    try:
        made = seed_demo(ctx.engine, van, args.beneficiaries, args.visits, seed=args.seed)
    except PoolEmpty:
        print(
            "mmu-desktop: not enough beneficiary IDs on this laptop for that many people; "
            "fetch more with 'mmu-desktop sync --phase ids'.",
            file=sys.stderr,
        )
        return EXIT_FAILED
    print(f"made {made.beneficiaries} beneficiaries and {made.visits} visits")
    return EXIT_OK


def _status(args: argparse.Namespace, root: Path | None) -> int:
    from mmu_desktop.context import AppContext
    from mmu_desktop.db.status import local_status

    ctx = AppContext.open(root)
    report = local_status(ctx.engine)
    if args.json:
        print(json.dumps(report, indent=2))
        return EXIT_OK
    print(f"IDs left in the pool: {report['id_pool']['available']}")
    print(f"Rows waiting to sync: {report['pending_total']}")
    for table_name, counts in report["tables"].items():
        if counts["pending"] or counts["failed"]:
            print(f"  {table_name}: {counts['pending']} pending, {counts['failed']} need attention")
    return EXIT_OK
