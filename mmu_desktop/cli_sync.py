"""Sync-related subcommands: ``login``, ``key set`` and ``sync``.

Secrets are read from stdin (without echo when it is a terminal) and go only to the
keystore. ``sync`` prints progress on stderr; with ``--json`` the run's report goes to
stdout. Exit codes: 0 when every requested phase fully succeeded, 1 otherwise, 2 for a
usage or set-up problem.
"""

from __future__ import annotations

import argparse
import getpass
import json
import sys
from pathlib import Path

EXIT_OK, EXIT_FAILED, EXIT_USAGE = 0, 1, 2


def _add_data_dir(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--data-dir",
        type=Path,
        default=argparse.SUPPRESS,
        help="folder for all app data (default: the platform's user data folder)",
    )


def add_commands(subparsers: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    """Add the sync subcommands to the main parser."""
    login = subparsers.add_parser(
        "login", help="sign in to the central server (password read from stdin)"
    )
    _add_data_dir(login)
    login.add_argument("--user", required=True, metavar="NAME", help="central user name")
    login.set_defaults(handler=_login)

    key = subparsers.add_parser("key", help="store the central session key")
    _add_data_dir(key)
    key_sub = key.add_subparsers(dest="key_command", required=True)
    key_set = key_sub.add_parser("set", help="store a ServerAuthorization key read from stdin")
    _add_data_dir(key_set)
    key_set.set_defaults(handler=_key_set)

    sync = subparsers.add_parser("sync", help="send records, fetch masters and IDs")
    _add_data_dir(sync)
    sync.add_argument(
        "--phase",
        choices=["upload", "download", "ids"],
        action="append",
        help="run only this phase (may be given more than once); default: all three",
    )
    sync.add_argument("--json", action="store_true", help="print the run's report as JSON")
    sync.set_defaults(handler=_sync)


def _read_secret(prompt: str) -> str:
    if sys.stdin.isatty():
        return getpass.getpass(prompt)
    return sys.stdin.readline().rstrip("\r\n")


def _err(message: str) -> None:
    print(f"mmu-desktop: {message}", file=sys.stderr)


def _login(args: argparse.Namespace, root: Path | None) -> int:
    from mmu_desktop import settings as settings_store
    from mmu_desktop.keystore import Keystore, KeystoreError
    from mmu_desktop.paths import DataDir
    from mmu_desktop.sync.auth import login
    from mmu_desktop.sync.client import SyncError

    data_dir = DataDir.at(root)
    settings = settings_store.load(data_dir)
    if not settings.common_url:
        _err("set common-url first (mmu-desktop config set common-url URL)")
        return EXIT_USAGE
    password = _read_secret("Password: ")
    if not password:
        _err("no password given")
        return EXIT_USAGE
    try:
        result = login(settings.common_url, args.user, password)
    except SyncError as exc:
        _err(str(exc))
        return EXIT_FAILED
    finally:
        del password
    try:
        saved = Keystore(data_dir.root).save(result.credentials)
    except KeystoreError as exc:
        _err(str(exc))
        return EXIT_FAILED
    if not settings.user:
        settings.user = result.user_name
        settings_store.save(data_dir, settings)
    if result.logged_out_other_session:
        print("Your other session on the central server was closed.")
    if not result.has_mmu_privilege:
        print("Warning: this account has no MMU privilege on central; sync may be refused.")
    print(f"Signed in as {result.user_name}. {saved.message}")
    return EXIT_OK


def _key_set(args: argparse.Namespace, root: Path | None) -> int:
    from mmu_desktop.keystore import Credentials, Keystore, KeystoreError
    from mmu_desktop.paths import DataDir

    data_dir = DataDir.at(root)
    key = _read_secret("ServerAuthorization key: ").strip()
    if not key:
        _err("no key given on stdin")
        return EXIT_USAGE
    try:
        saved = Keystore(data_dir.root).save(Credentials(key=key))
    except KeystoreError as exc:
        _err(str(exc))
        return EXIT_FAILED
    print(f"Key stored. {saved.message}")
    return EXIT_OK


def _sync(args: argparse.Namespace, root: Path | None) -> int:
    from mmu_desktop.context import AppContext
    from mmu_desktop.sync.engine import NotReady, prepare, run_sync
    from mmu_desktop.sync.report import Phase, ProgressEvent

    ctx = AppContext.open(root)
    phases = [Phase(p) for p in args.phase] if args.phase else None
    plan = prepare(ctx.data_dir, ctx.settings, phases)
    if isinstance(plan, NotReady):
        _err(plan.reason)
        if args.json:
            print(json.dumps(run_sync(plan, ctx.engine).to_dict(), indent=2, ensure_ascii=False))
        return EXIT_USAGE

    def show(event: ProgressEvent) -> None:
        if event.kind == "table_done" and (event.sent or event.pending or event.rejected):
            print(
                f"  {event.table}: {event.sent} sent, {event.accepted} accepted, "
                f"{event.rejected} rejected, {event.pending} still to send",
                file=sys.stderr,
            )
        elif event.kind == "phase_started":
            print(f"{event.phase}: starting", file=sys.stderr)
        elif event.kind == "phase_done":
            print(f"{event.phase}: {event.message}", file=sys.stderr)

    try:
        report = run_sync(plan, ctx.engine, progress=show)
    except KeyboardInterrupt:
        _err("interrupted; the rest goes with the next sync")
        return EXIT_FAILED
    finally:
        ctx.engine.dispose()
    print(report.summary, file=sys.stderr)
    for phase in report.phases:
        for table in phase.tables:
            for rejection in table.rejections[:20]:
                print(f"  rejected: {table.table} row {rejection.serial}: {rejection.reason}",
                      file=sys.stderr)  # fmt: skip
    if args.json:
        print(json.dumps(report.to_dict(), indent=2, ensure_ascii=False))
    return EXIT_OK if report.succeeded else EXIT_FAILED
