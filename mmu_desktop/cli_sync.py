"""Sync-related subcommands: ``login``, ``key set``, ``sync`` and ``rejected``.

Secrets are read from stdin (without echo when it is a terminal) and go only to the
keystore, or, with ``sync --user NAME --password-stdin``, stay in this process's memory.
``sync`` prints progress and the report's errors on stderr; with ``--json`` the run's
report goes to stdout. ``rejected`` lists rows central refused (table, serial, reason;
never patient data). Exit codes: 0 when every requested phase fully succeeded, 1
otherwise (a missing sign-in included), 2 for a usage or set-up problem.
"""

from __future__ import annotations

import argparse
import getpass
import json
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from mmu_desktop.cli_common import EXIT_FAILED, EXIT_OK, EXIT_USAGE, add_data_dir

if TYPE_CHECKING:
    from mmu_desktop.paths import DataDir
    from mmu_desktop.settings import Settings
    from mmu_desktop.sync.auth import LoginResult
    from mmu_desktop.sync.report import RunReport


def add_commands(subparsers: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    """Add the sync subcommands to the main parser."""
    login = subparsers.add_parser(
        "login", help="sign in to the central server (password read from stdin)"
    )
    add_data_dir(login)
    login.add_argument("--user", required=True, metavar="NAME", help="central user name")
    _add_end_other_session(login)
    login.set_defaults(handler=_login)

    key = subparsers.add_parser("key", help="store the central session key")
    add_data_dir(key)
    key_sub = key.add_subparsers(dest="key_command", required=True)
    key_set = key_sub.add_parser("set", help="store a ServerAuthorization key read from stdin")
    add_data_dir(key_set)
    key_set.set_defaults(handler=_key_set)

    sync = subparsers.add_parser("sync", help="send records, fetch masters and IDs")
    add_data_dir(sync)
    sync.add_argument(
        "--phase",
        choices=["upload", "download", "ids"],
        action="append",
        help="run only this phase (may be given more than once); default: all three",
    )
    sync.add_argument("--json", action="store_true", help="print the run's report as JSON")
    sync.add_argument(
        "--retry-rejected",
        action="store_true",
        help="send rows central refused earlier once more (see 'mmu-desktop rejected')",
    )
    sync.add_argument(
        "--user",
        metavar="NAME",
        help="sign in as NAME first (with --password-stdin); the key stays in memory only",
    )
    sync.add_argument(
        "--password-stdin",
        action="store_true",
        help="read the password for --user from stdin (for a computer without a keyring)",
    )
    _add_end_other_session(sync)
    sync.set_defaults(handler=_sync)

    rejected = subparsers.add_parser(
        "rejected", help="list records central refused, with its reason (no patient data)"
    )
    add_data_dir(rejected)
    rejected.add_argument("--json", action="store_true", help="print the list as JSON")
    rejected.set_defaults(handler=_rejected)


def _add_end_other_session(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--end-other-session",
        action="store_true",
        help="if this account is signed in on another device, end that session",
    )


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

    data_dir = DataDir.at(root)
    settings = settings_store.load(data_dir)
    if not settings.common_url:
        _err("set common-url first (mmu-desktop config set common-url URL)")
        return EXIT_USAGE
    password = _read_secret("Password: ")
    if not password:
        _err("no password given")
        return EXIT_USAGE
    result = _sign_in(settings.common_url, args.user, password, args.end_other_session)
    del password
    if result is None:
        return EXIT_FAILED
    try:
        saved = Keystore(data_dir.root).save(result.credentials)
    except KeystoreError as exc:
        _err(str(exc))
        return EXIT_FAILED
    _remember_user(data_dir, settings, result.user_name)
    if saved.persistent:
        print(f"Signed in as {result.user_name}. {saved.message}")
    else:
        print(f"Signed in as {result.user_name}.")
        print(
            "This computer has no password keyring, so this sign-in cannot be kept for a "
            "later command. To sign in and sync in one go, use 'mmu-desktop sync --user "
            f"{result.user_name} --password-stdin' with the password on stdin.",
            file=sys.stderr,
        )
    return EXIT_OK


def _sign_in(
    common_url: str, user: str, password: str, end_other_session: bool
) -> LoginResult | None:
    """Sign in, saying what happened; None (after a message on stderr) when it failed."""
    from mmu_desktop.sync.auth import AlreadySignedIn, login
    from mmu_desktop.sync.client import SyncError

    try:
        result = login(common_url, user, password, end_other_session=end_other_session)
    except AlreadySignedIn:
        _err(
            f"{user} is already signed in elsewhere (another laptop or browser). To end "
            "that session and sign in here, run again with --end-other-session."
        )
        return None
    except SyncError as exc:
        _err(str(exc))
        return None
    if result.logged_out_other_session:
        print("Your other session on the central server was closed.", file=sys.stderr)
    if not result.has_mmu_privilege:
        print(
            "Warning: this account has no MMU privilege on central; sync may be refused.",
            file=sys.stderr,
        )
    return result


def _remember_user(data_dir: DataDir, settings: Settings, user_name: str) -> None:
    """Make ``user`` (central's SyncedBy/CreatedBy) the name that signed in."""
    from mmu_desktop import settings as settings_store

    if settings.user == user_name:
        return
    previous = settings.user
    settings_store.set_value(settings, "user", user_name)
    settings_store.save(data_dir, settings)
    if previous:
        print(
            f"The 'user' setting changed from {previous} to {user_name} (records are sent "
            "as synced by the signed-in user).",
            file=sys.stderr,
        )


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
    from mmu_desktop.keystore import Credentials
    from mmu_desktop.sync.engine import NotReady, prepare, run_sync
    from mmu_desktop.sync.report import Phase, ProgressEvent
    from mmu_desktop.sync.upload import requeue_rejected

    if args.password_stdin and not args.user:
        _err("--password-stdin needs --user NAME")
        return EXIT_USAGE
    if args.user and not args.password_stdin:
        _err("--user needs --password-stdin (or sign in first with 'mmu-desktop login')")
        return EXIT_USAGE
    ctx = AppContext.open(root)
    try:
        credentials: Credentials | None = None
        if args.user:
            if not ctx.settings.common_url:
                _err("set common-url first (mmu-desktop config set common-url URL)")
                return EXIT_USAGE
            password = sys.stdin.readline().rstrip("\r\n")
            if not password:
                _err("no password given on stdin")
                return EXIT_USAGE
            result = _sign_in(ctx.settings.common_url, args.user, password, args.end_other_session)
            del password
            if result is None:
                return EXIT_FAILED
            credentials = result.credentials  # in memory only, for this run
            _remember_user(ctx.data_dir, ctx.settings, result.user_name)
            ctx.reload_settings()
        phases = [Phase(p) for p in args.phase] if args.phase else None
        plan = prepare(ctx.data_dir, ctx.settings, phases, credentials=credentials)
        if isinstance(plan, NotReady):
            _err(plan.reason)
            if args.json:
                report = run_sync(plan, ctx.engine)
                print(json.dumps(report.to_dict(), indent=2, ensure_ascii=False))
            return EXIT_FAILED if plan.needs_sign_in else EXIT_USAGE
        if args.retry_rejected:
            count = requeue_rejected(ctx.engine)
            print(f"{count} refused records will be sent again.", file=sys.stderr)

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
    _print_problems(report)
    if args.json:
        print(json.dumps(report.to_dict(), indent=2, ensure_ascii=False))
    return EXIT_OK if report.succeeded else EXIT_FAILED


def _print_problems(report: RunReport) -> None:
    """The report's errors and the first rejections, on stderr, each once."""
    seen: set[str] = {report.summary}
    for phase in report.phases:
        lines = [("", e) for e in phase.errors]
        lines += [(f"{t.table}: ", e) for t in phase.tables for e in t.errors]
        for where, error in lines:
            if error in seen or (where and f"{where}{error}" in seen):
                continue
            seen.add(error)
            print(f"  error: {where}{error}", file=sys.stderr)
        for table in phase.tables:
            for rejection in table.rejections[:20]:
                print(
                    f"  rejected: {table.table} row {rejection.serial}: {rejection.reason}",
                    file=sys.stderr,
                )


def _rejected(args: argparse.Namespace, root: Path | None) -> int:
    from mmu_desktop.context import AppContext
    from mmu_desktop.sync.upload import list_rejected

    ctx = AppContext.open(root)
    try:
        rows = list_rejected(ctx.engine)
    finally:
        ctx.engine.dispose()
    if args.json:
        listing = [{"table": r.table, "serial": r.serial, "reason": r.reason} for r in rows]
        print(json.dumps(listing, indent=2, ensure_ascii=False))
        return EXIT_OK
    if not rows:
        print("No records need attention.")
        return EXIT_OK
    current = ""
    for row in rows:
        if row.table != current:
            current = row.table
            count = sum(1 for r in rows if r.table == current)
            print(f"{current} ({count}):")
        print(f"  row {row.serial}: {row.reason}")
    print(
        "Edit a record to send it again, or run 'mmu-desktop sync --retry-rejected' "
        "to send them all once more."
    )
    return EXIT_OK
