"""The ``kkr-desk`` command: sub-commands on the same store the window uses.

A user's mistake ends in one line on stderr and exit code 2, never a traceback. A bug in
KKR Desk ends in one line too, "programfejl: … (detaljer i LOGFIL)", and exit code 1; its
traceback goes to the log file (kkr_desk/logs.py).
"""

from __future__ import annotations

import argparse
import datetime as dt
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import NoReturn

from . import version
from .app import AppError, Desk, ExportFailed, ImportFailed, OpenItemsLeft
from .app.database import default_database_path, list_backups, restore_backup
from .app.database import open_database
from .bundle import GUARD_OPTION, is_frozen, restore_environment
from .domain import MeetingKind
from .domain.committee import roster_lines
from .domain.meeting_life import OpenItems, StateStep
from .domain.search_query import parse_query
from .logs import PROGRAM_ERROR, install_excepthooks, log_program_error, print_program_error
from .meeting_file import MeetingFileError, read_meeting_file, write_meeting_file
from .output_file import check_target

PROG = "kkr-desk"
USER_ERROR = 2


class UserError(Exception):
    """A mistake in what the user asked for; the message is shown as is."""


class _OneLineParser(argparse.ArgumentParser):
    """argparse, but a usage mistake is one line on stderr like every other user error."""

    def error(self, message: str) -> NoReturn:
        self.exit(USER_ERROR, f"{PROG}: {message} (se '{PROG} --help')\n")


class _VersionAction(argparse.Action):
    """``--version``: read from the package metadata only when asked (it costs start-up time)."""

    def __call__(self, parser, namespace, values, option_string=None) -> NoReturn:
        print(f"{PROG} {version()}")
        parser.exit(0)


def build_parser() -> argparse.ArgumentParser:
    db_option = argparse.ArgumentParser(add_help=False)
    db_option.add_argument(
        "--db",
        type=Path,
        default=argparse.SUPPRESS,
        metavar="PATH",
        help="databasefil (standard: brugerens datamappe)",
    )
    parser = _OneLineParser(
        prog=PROG,
        description="KKR Desk: deltagere, dagsorden og beslutninger til KKR-møder.",
        parents=[db_option],
    )
    parser.add_argument(
        "--version", action=_VersionAction, nargs=0, help="vis programmets version og afslut"
    )
    commands = parser.add_subparsers(dest="command", metavar="KOMMANDO", parser_class=_OneLineParser)

    listing = commands.add_parser("list", parents=[db_option], help="vis møderne i databasen")
    listing.set_defaults(run=_list)

    dump = commands.add_parser("dump", parents=[db_option], help="skriv et møde til en mødefil")
    dump.add_argument("meeting_id", type=int, metavar="ID", help="mødets id (se 'list')")
    dump.add_argument("-o", "--output", type=Path, required=True, metavar="FIL")
    dump.set_defaults(run=_dump)

    load = commands.add_parser("load", parents=[db_option], help="læs en mødefil ind som nyt møde")
    load.add_argument("file", type=Path, metavar="FIL")
    load.set_defaults(run=_load)

    restore = commands.add_parser(
        "restore",
        parents=[db_option],
        help="vis eller gendan sikkerhedskopier af databasen",
        description="Uden KOPI, eller med --list: vis sikkerhedskopierne, nyeste først og "
        "nummererede. Med KOPI (et nummer fra listen, et filnavn eller en sti): gendan den. "
        "Den nuværende database gemmes først som sikkerhedskopi; er den beskadiget, flyttes "
        "den til side i stedet.",
    )
    restore.add_argument("--list", action="store_true", help="vis sikkerhedskopierne")
    restore.add_argument("backup", nargs="?", metavar="KOPI", help="nummer, filnavn eller sti")
    restore.set_defaults(run=_restore)

    importing = commands.add_parser(
        "import",
        parents=[db_option],
        help="læs en dagsorden eller et referat (PDF, Word eller tekst) ind som nyt møde",
    )
    importing.add_argument("file", type=Path, metavar="FIL")
    importing.set_defaults(run=_import)

    export = commands.add_parser(
        "export",
        parents=[db_option],
        help="skriv mødets referat eller dagsorden som Word (.docx) eller PDF",
    )
    export.add_argument("meeting_id", type=int, metavar="ID", help="mødets id (se 'list')")
    export.add_argument(
        "-o", "--output", type=Path, required=True, metavar="FIL", help="FIL.docx eller FIL.pdf"
    )
    export.add_argument(
        "--kind",
        choices=[kind.value for kind in MeetingKind],
        help="referat eller dagsorden (standard: referatet, når mødet er begyndt eller en "
        "beslutning er skrevet, ellers dagsordenen)",
    )
    export.add_argument("--template", type=Path, metavar="SKABELON.docx", help="Word-skabelon")
    export.add_argument("--toc", action="store_true", help="med indholdsfortegnelse")
    export.add_argument(
        "--changes-since-sent",
        action="store_true",
        help="med Words sporede ændringer siden udgaven sendt til godkendelse",
    )
    export.add_argument(
        "--author",
        metavar="NAVN",
        help="dokumentets forfatter og navnet ved de sporede ændringer (standard: navnet i "
        "vinduets Rediger ▸ Indstillinger, ellers KKR Desk)",
    )
    export.set_defaults(run=_export)

    record = commands.add_parser(
        "record", parents=[db_option], help="vis hvem der deltog i hvert punkt, og afstemninger"
    )
    record.add_argument("meeting_id", type=int, metavar="ID")
    record.set_defaults(run=_record)
    state = commands.add_parser(
        "state",
        parents=[db_option],
        help="vis eller skift mødets tilstand (planlagt, i gang, afholdt, sendt, godkendt)",
        description="Uden TRIN: vis mødets tilstand og dens historik. started: i gang; held: "
        "afholdt; sent: sendt til godkendelse (--to); approved: godkendt (--by); reopen: "
        "genåbn et godkendt møde (--reason).",
    )
    state.add_argument("meeting_id", type=int, metavar="ID", help="mødets id (se 'list')")
    state.add_argument(
        "step", nargs="?", choices=[step.value for step in StateStep], metavar="TRIN",
        help="started, held, sent, approved eller reopen",
    )
    state.add_argument("--by", default="", metavar="NAVN", help="hvem der godkendte")
    state.add_argument("--to", default="", metavar="NAVN", help="hvem det er sendt til")
    state.add_argument("--reason", default="", metavar="TEKST", help="hvorfor det genåbnes")
    state.add_argument(
        "--open-items", choices=[choice.value for choice in OpenItems], metavar="VALG",
        help="held: hvad punkter under behandling bliver: decided (afgjort, hvis de har en "
        "beslutning, ellers ikke behandlet) eller not-treated (ikke behandlet)",
    )
    state.set_defaults(run=_state)

    delete = commands.add_parser(
        "delete", parents=[db_option], help="flyt et møde til papirkurven (kan fortrydes)"
    )
    delete.add_argument("meeting_id", type=int, metavar="ID", help="mødets id (se 'list')")
    delete.set_defaults(run=_delete)
    trash = commands.add_parser(
        "trash",
        parents=[db_option],
        help="vis papirkurven (slettede møder, grupper og punkter) eller gendan et element",
        description="Uden --restore: papirkurvens elementer, det senest slettede først. Med "
        "--restore ELEMENT: læg det tilbage (et møde med sin historik og sine gemte udgaver, "
        "et punkt på sin gamle plads); det får et nyt id, som skrives til sidst.",
    )
    trash.add_argument(
        "--restore", type=int, metavar="ELEMENT", help="elementets nummer (se 'trash')"
    )
    trash.set_defaults(run=_trash)
    new = commands.add_parser(
        "new", parents=[db_option], help="opret et nyt møde for et udvalg; skriver dets id til sidst"
    )
    new.add_argument("--committee", required=True, metavar="UDVALG", help="udvalgets navn")
    new.add_argument("--date", required=True, type=_date, metavar="ÅÅÅÅ-MM-DD")
    new.set_defaults(run=_new)

    committee = commands.add_parser(
        "committee",
        parents=[db_option],
        help="udvalgene: vis dem, vis et, læs medlemmer ind, slet et",
    )
    committee_commands = committee.add_subparsers(
        dest="committee_command", metavar="HANDLING", parser_class=_OneLineParser, required=True
    )
    committee_list = committee_commands.add_parser(
        "list", parents=[db_option], help="udvalgenes navne"
    )
    committee_list.set_defaults(run=_committee_list)
    committee_show = committee_commands.add_parser(
        "show", parents=[db_option], help="udvalgets faste deltagere, én pr. linje"
    )
    committee_show.add_argument("name", metavar="UDVALG")
    committee_show.set_defaults(run=_committee_show)
    committee_import = committee_commands.add_parser(
        "import",
        parents=[db_option],
        help="læs udvalgets deltagere fra et referat, en dagsorden, .csv eller .xlsx",
    )
    committee_import.add_argument("name", metavar="UDVALG")
    committee_import.add_argument("file", type=Path, metavar="FIL")
    committee_import.set_defaults(run=_committee_import)
    committee_delete = committee_commands.add_parser(
        "delete",
        parents=[db_option],
        help="flyt et udvalg uden møder til papirkurven (kan fortrydes)",
    )
    committee_delete.add_argument("name", metavar="UDVALG")
    committee_delete.set_defaults(run=_committee_delete)

    search = commands.add_parser(
        "search", parents=[db_option], help="søg i alle møder (docs/search.md)"
    )
    search.add_argument("query", metavar="SØGNING", help='ord, "en frase", præfiks*, OR, NOT')
    search.add_argument("--committee", metavar="UDVALG", help="kun dette udvalg")
    search.add_argument("--year", type=int, metavar="ÅÅÅÅ", help="kun møder i dette år")
    search.add_argument("--section", metavar="AFSNIT", help="kun dette afsnit, fx Beslutning")
    search.set_defaults(run=_search)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run a sub-command, or open the window when none is given."""
    arguments = list(sys.argv[1:] if argv is None else argv)
    restore_environment()
    if is_frozen() and arguments[:1] == [GUARD_OPTION]:
        # pdf.py starts the bundle itself as LibreOffice's guard (no Python to run it with).
        from .writer.soffice_guard import main as run_guard

        return run_guard(arguments[1:])
    install_excepthooks()  # the window replaces the CLI's one line with its dialog
    window = _window_database(arguments)
    if window is not None:
        from .ui.app import run_window  # Qt is loaded only when a window is wanted.

        return run_window(window[0])
    args = build_parser().parse_args(arguments)
    db_path: Path | None = getattr(args, "db", None)
    if args.command is None:
        from .ui.app import run_window

        return run_window(db_path)
    try:
        return args.run(args, db_path)
    except (UserError, AppError, MeetingFileError) as error:
        return _fail(str(error))
    except OSError as error:
        return _fail(_describe_os_error(error))
    except Exception as error:  # a bug in KKR Desk, not the user's mistake
        print_program_error(error, log_program_error(error))
        return PROGRAM_ERROR


def _window_database(arguments: list[str]) -> tuple[Path | None] | None:
    """``(database,)`` when the command line only opens the window (nothing, or ``--db
    PATH``), else None and the full parser decides.

    Building every sub-command's parser costs ~15 ms of start-up (argparse asks gettext
    for each help text), which the window does not need (docs/performance.md).
    """
    if not arguments:
        return (None,)
    if len(arguments) == 2 and arguments[0] == "--db" and not arguments[1].startswith("-"):
        return (Path(arguments[1]),)
    if len(arguments) == 1 and arguments[0].startswith("--db="):
        return (Path(arguments[0].removeprefix("--db=")),)
    return None


def _list(args: argparse.Namespace, db_path: Path | None) -> int:
    with open_database(db_path) as store:
        for meeting in Desk(store).list_meetings():
            print(
                f"{meeting.id}\t{meeting.committee}\t{meeting.date:%d-%m-%Y}\t"
                f"{meeting.state.value}\t{meeting.item_count} punkter"
            )
    return 0


def _dump(args: argparse.Namespace, db_path: Path | None) -> int:
    output: Path = args.output
    check_target(output)  # before any work: a target that can never be written
    with open_database(db_path) as store:
        meeting = Desk(store).load_meeting(args.meeting_id)
    write_meeting_file(meeting, output)
    return 0


def _load(args: argparse.Namespace, db_path: Path | None) -> int:
    source: Path = args.file
    if source.is_dir():
        raise UserError(f"{source} er en mappe, ikke en mødefil")
    if not source.exists():
        raise UserError(f"filen {source} findes ikke")
    meeting = read_meeting_file(source)
    with open_database(db_path) as store:
        meeting_id = Desk(store).add_meeting(meeting)
    print(meeting_id)
    return 0


def _restore(args: argparse.Namespace, db_path: Path | None) -> int:
    db_path = db_path or default_database_path()
    backups = list_backups(db_path)
    if args.list or args.backup is None:
        if args.list and args.backup is not None:
            raise UserError("angiv enten --list eller en sikkerhedskopi, ikke begge")
        if not backups:
            print(f"der er ingen sikkerhedskopier af {db_path}", file=sys.stderr)
        for number, backup in enumerate(backups, start=1):
            print(
                f"{number}\t{backup.taken_at:%d-%m-%Y %H:%M:%S}\t{backup.name}\t"
                f"{_size_text(backup.size)}"
            )
        return 0
    chosen = _choose_backup(args.backup, backups)
    outcome = restore_backup(db_path, chosen)
    print(f"{db_path} er gendannet fra {chosen.name}")
    if outcome.safety_copy is not None:
        print(f"den hidtidige database er gemt som {outcome.safety_copy}")
    if outcome.moved_aside is not None:
        print(f"den beskadigede database er flyttet til {outcome.moved_aside}")
    return 0


def _choose_backup(choice: str, backups: list) -> Path:
    """A number from the list (1 = newest), a name in the backup folder, or a path."""
    if choice.isdigit():
        number = int(choice)
        if not 1 <= number <= len(backups):
            raise UserError(
                f"der er ingen sikkerhedskopi nummer {number} "
                f"(se '{PROG} restore --list')"
            )
        return backups[number - 1].path
    for backup in backups:
        if backup.name == choice:
            return backup.path
    path = Path(choice)
    if path.is_file():
        return path
    raise UserError(f"sikkerhedskopien {choice} findes ikke (se '{PROG} restore --list')")


def _size_text(size: int) -> str:
    return f"{max(1, round(size / 1024))} kB"


def _import(args: argparse.Namespace, db_path: Path | None) -> int:
    try:
        result = Desk.read_document(args.file)
    except ImportFailed as error:
        raise UserError(str(error)) from None
    meeting = result.meeting
    for warning in result.warnings:
        print(f"{PROG}: advarsel: {warning}", file=sys.stderr)
    with open_database(db_path) as store:
        meeting_id = Desk(store).add_imported(result)
    print(
        f"{meeting.committee} {meeting.date:%d-%m-%Y} ({result.kind.value}): "
        f"{result.group_count} grupper, {result.item_count} punkter, "
        f"{result.people_count} personer"
    )
    print(meeting_id)
    return 0


def _export(args: argparse.Namespace, db_path: Path | None) -> int:
    template: Path | None = args.template
    if template is not None and template.is_dir():
        raise UserError(f"skabelonen {template} er en mappe, ikke en Word-fil")
    if template is not None and not template.exists():
        raise UserError(f"skabelonen {template} findes ikke")
    with open_database(db_path) as store:
        desk = Desk(store)
        meeting, state = desk.meeting_for_export(args.meeting_id)
        sent = None
        author = args.author
        if args.changes_since_sent:
            sent = desk.meeting_version(args.meeting_id, "sent")
            if sent is None:
                raise UserError(
                    f"møde {args.meeting_id} er ikke sendt til godkendelse, så der er ingen "
                    "udsendt udgave at vise ændringerne imod"
                )
        if author is None:  # the name the secretary set in the window
            author = desk.change_author()
        try:
            desk.backup_now()  # every export leaves a backup of what it was made from
        except AppError as error:
            print(f"{PROG}: advarsel: {error}", file=sys.stderr)
    kind = MeetingKind(args.kind) if args.kind else desk.export_kind(meeting, state)
    # python-docx is loaded only when a document is written (inside Desk.export).
    try:
        warnings = desk.export(
            meeting,
            args.output,
            kind,
            template=template,
            table_of_contents=args.toc,
            changes_since=sent,
            change_author=author,
        )
    except ExportFailed as error:
        raise UserError(str(error)) from None
    for warning in warnings:
        print(f"{PROG}: advarsel: {warning}", file=sys.stderr)
    return 0


def _record(args: argparse.Namespace, db_path: Path | None) -> int:
    """The secretary's check before sending: item by item who took part, and the vote."""
    from .domain import AttendanceStatus, numbered_items
    from .domain.record import presence
    from .domain.record_text import item_absences, short_number, vote_sentence

    with open_database(db_path) as store:
        meeting = Desk(store).load_meeting(args.meeting_id)
    stand_ins = {
        entry.substitute_for.name: entry.person.name
        for entry in meeting.attendance
        if entry.substitute_for is not None and entry.status is AttendanceStatus.PRESENT
    }
    apologies = [
        entry.person.name + (f" (stedfortræder {stand_ins[entry.person.name]})"
                             if entry.person.name in stand_ins else "")
        for entry in meeting.attendance
        if entry.status is AttendanceStatus.APOLOGY and entry.person.is_politician
    ]
    if apologies:
        print(f"afbud: {'; '.join(apologies)}")
    for number, item in numbered_items(meeting):
        here = presence(meeting, item)
        line = f"{short_number(number)}  present {len(here.present)}"
        absent = item_absences(here)
        if absent:
            line += f"  absent: {'; '.join(absent)}"
        if item.vote is not None and item.vote.lines:
            line += f"  vote: {vote_sentence(item.vote)}"
        if item.remarks:
            line += f"  protokol: {len(item.remarks)}"
        print(line)
    return 0


def _state(args: argparse.Namespace, db_path: Path | None) -> int:
    """Without a step: the state and its history. With one: take it, print the new state."""
    with open_database(db_path) as store:
        desk = Desk(store)
        if args.step is None:
            print(desk.meeting_state(args.meeting_id).value)
            for change in desk.state_history(args.meeting_id):
                details = [
                    text
                    for text in (
                        change.to_whom and f"til {change.to_whom}",
                        change.by_whom and f"af {change.by_whom}",
                        change.reason and f"begrundelse: {change.reason}",
                    )
                    if text
                ]
                print(
                    f"{change.at:%d-%m-%Y %H:%M}\t{change.state.value}"
                    + (f"\t{'; '.join(details)}" if details else "")
                )
            return 0
        try:
            change = desk.take_step(
                args.meeting_id,
                StateStep(args.step),
                by_whom=args.by,
                to_whom=args.to,
                reason=args.reason,
                open_items=OpenItems(args.open_items) if args.open_items else None,
            )
        except OpenItemsLeft as error:
            return _fail(f"{error} (--open-items decided eller not-treated)")
    print(change.state.value)
    return 0


def _delete(args: argparse.Namespace, db_path: Path | None) -> int:
    with open_database(db_path) as store:
        desk = Desk(store)
        summary = desk.load_meeting(args.meeting_id)
        trash_id = desk.delete_meeting(args.meeting_id)
    print(
        f"mødet {summary.committee} {summary.date:%d-%m-%Y} er flyttet til papirkurven "
        f"(element {trash_id}; fortryd med '{PROG} trash --restore {trash_id}')"
    )
    return 0


_TRASH_KINDS = {"meeting": "møde", "group": "gruppe", "item": "punkt", "committee": "udvalg"}
_TRASH_KINDS_DEFINITE = {
    "meeting": "mødet", "group": "gruppen", "item": "punktet", "committee": "udvalget"
}


def _trash(args: argparse.Namespace, db_path: Path | None) -> int:
    with open_database(db_path) as store:
        desk = Desk(store)
        if args.restore is None:
            for entry in desk.trash_entries():
                print(
                    f"{entry.id}\t{_TRASH_KINDS.get(entry.kind, entry.kind)}\t"
                    f"{entry.deleted_at:%d-%m-%Y %H:%M}\t{entry.label}"
                )
            return 0
        entry = next((e for e in desk.trash_entries() if e.id == args.restore), None)
        if entry is None:
            raise UserError(
                f"papirkurven har intet element {args.restore} (se '{PROG} trash')"
            )
        note = desk.trash_restore_note(entry.id)
        restored_id = desk.restore_from_trash(entry.id)
    print(f"{_TRASH_KINDS_DEFINITE.get(entry.kind, entry.kind)} »{entry.label}« er gendannet")
    if note:
        print(f"bemærk: {note}")
    print(restored_id)
    return 0


def _date(text: str) -> dt.date:
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} er ikke en dato som 2024-11-07") from None


def _new(args: argparse.Namespace, db_path: Path | None) -> int:
    with open_database(db_path) as store:
        desk = Desk(store)
        committee = desk.committee(args.committee)  # a typo is refused, not a new committee
        meeting_id = desk.create_empty_meeting(committee.name, args.date)
    print(meeting_id)
    return 0


def _committee_list(args: argparse.Namespace, db_path: Path | None) -> int:
    with open_database(db_path) as store:
        for name in Desk(store).committee_names():
            print(name)
    return 0


def _committee_show(args: argparse.Namespace, db_path: Path | None) -> int:
    """The roster, one person a line: members (with role and stedfortræder), then staff."""
    with open_database(db_path) as store:
        committee = Desk(store).committee(args.name)
    for line in roster_lines(committee):
        print(line)
    return 0


def _committee_delete(args: argparse.Namespace, db_path: Path | None) -> int:
    """A committee without meetings to the trash; one with meetings is refused."""
    with open_database(db_path) as store:
        desk = Desk(store)
        name = desk.committee(args.name).name
        trash_id = desk.delete_committee(name)
    print(f"udvalget {name} er flyttet til papirkurven (element {trash_id})")
    return 0


def _committee_import(args: argparse.Namespace, db_path: Path | None) -> int:
    source: Path = args.file
    if source.is_dir():
        raise UserError(f"{source} er en mappe, ikke en fil")
    with open_database(db_path) as store:
        try:
            committee = Desk(store).import_roster(args.name, source)
        except ImportFailed as error:
            raise UserError(str(error)) from None
    print(
        f"{committee.name}: {len(committee.members)} medlemmer, "
        f"{len(committee.staff)} fra sekretariaterne"
    )
    return 0


def _search(args: argparse.Namespace, db_path: Path | None) -> int:
    """One hit a line: meeting id, item number, committee, date, section: snippet (tabs)."""
    from .domain.search_query import SearchQueryError

    try:
        query = parse_query(args.query)
    except SearchQueryError as error:
        raise UserError(str(error)) from None
    with open_database(db_path) as store:
        hits = Desk(store).search(
            query, committee=args.committee, year=args.year, section=args.section
        )
    for hit in hits:
        print(
            f"{hit.meeting_id}\t{hit.item_number or '-'}\t{hit.committee}\t"
            f"{hit.date:%d-%m-%Y}\t{hit.section}: {hit.snippet_text}"
        )
    return 0


def _describe_os_error(error: OSError) -> str:
    where = f" ({error.filename})" if error.filename else ""
    return f"{error.strerror or error}{where}"


def _fail(message: str) -> int:
    print(f"{PROG}: fejl: {message}", file=sys.stderr)
    return USER_ERROR


