"""The command line: the window by default, and commands for IT and tests.

Every command takes ``--data-dir DIR``; all app data lives under it. Commands print
plain sentences for people and exit 0 on success, 1 when the work failed and 2 for
a usage error.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Sequence
from pathlib import Path

from mmu_desktop import __version__, cli_sync, logs
from mmu_desktop import settings as settings_store
from mmu_desktop.paths import DataDir

EXIT_OK, EXIT_FAILED, EXIT_USAGE = 0, 1, 2


def _add_data_dir(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--data-dir",
        type=Path,
        default=argparse.SUPPRESS,
        help="folder for all app data (default: the platform's user data folder)",
    )


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="mmu-desktop",
        description="MMU Desktop: offline registration and visits, synced with AMRIT.",
    )
    parser.add_argument("--version", action="version", version=f"mmu-desktop {__version__}")
    _add_data_dir(parser)
    parser.add_argument(
        "--demo",
        action="store_true",
        help="start a demo central server on 127.0.0.1 with a fresh demo data dir",
    )
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")

    config = sub.add_parser("config", help="show or change van settings and server URLs")
    _add_data_dir(config)
    config_sub = config.add_subparsers(dest="config_command", required=True)
    config_set = config_sub.add_parser("set", help="set one setting")
    _add_data_dir(config_set)
    config_set.add_argument("key", choices=settings_store.key_names(), metavar="KEY")
    config_set.add_argument("value", metavar="VALUE")
    config_show = config_sub.add_parser("show", help="print every setting")
    _add_data_dir(config_show)

    seed = sub.add_parser("seed-demo", help="make synthetic beneficiaries and visits")
    _add_data_dir(seed)
    seed.add_argument("--beneficiaries", type=int, required=True, metavar="N")
    seed.add_argument("--visits", type=int, required=True, metavar="M")
    seed.add_argument("--seed", type=int, default=None, metavar="S", help="random seed")

    status = sub.add_parser("status", help="pending rows per table and IDs in the pool")
    _add_data_dir(status)
    status.add_argument("--json", action="store_true", help="print JSON")

    cli_sync.add_commands(sub)
    for name, child in sub.choices.items():
        if name not in {"config"} and "--data-dir" not in child._option_string_actions:
            _add_data_dir(child)
    return parser


def run(argv: Sequence[str]) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    data_dir = getattr(args, "data_dir", None)
    command = args.command
    if command != "config":
        logs.configure(DataDir.at(data_dir))
    if command is None:
        from mmu_desktop.ui.app import run_window

        return run_window(data_dir, demo=args.demo)
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


def _config(args: argparse.Namespace, root: Path | None) -> int:
    data_dir = DataDir.at(root)
    current = settings_store.load(data_dir)
    if args.config_command == "set":
        try:
            settings_store.set_value(current, args.key, args.value)
        except settings_store.SettingError as exc:
            print(f"mmu-desktop: {exc}", file=sys.stderr)
            return EXIT_USAGE
        settings_store.save(data_dir, current)
        print(f"{args.key} = {args.value}")
        return EXIT_OK
    for key in settings_store.key_names():
        value = getattr(current, key.replace("-", "_"))
        print(f"{key} = {'' if value is None else value}")
    return EXIT_OK


def _seed_demo(args: argparse.Namespace, root: Path | None) -> int:
    from mmu_desktop.context import AppContext
    from mmu_desktop.db.demo_data import seed_demo
    from mmu_desktop.db.id_pool import PoolEmpty

    if args.beneficiaries < 0 or args.visits < 0:
        print("mmu-desktop: counts must not be negative", file=sys.stderr)
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
    except PoolEmpty as exc:
        print(f"mmu-desktop: {exc}", file=sys.stderr)
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
