"""AMRIT's tables as SQLAlchemy Core tables, built from the shipped ``amrit_schema.json``.

The JSON is produced by ``tools/import_amrit_schema.py`` from AMRIT's own table
definitions, so every table and column keeps AMRIT's spelling. Locally we add only
what makes SQLite safer than MySQL was for AMRIT: AUTOINCREMENT keys (a deleted row's
key is never handed out again, since it doubles as VanSerialNo), foreign keys between
the rows a van creates, a unique VisitCode, and partial indexes on pending rows.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from functools import cache
from importlib import resources
from typing import Any

import sqlalchemy as sa

SCHEMA_FILE = "amrit_schema.json"

# Parent links between the rows a van writes. AMRIT declares some of these on MySQL;
# we declare the ones that hold on a van, so SQLite refuses an orphan child row.
LOCAL_FOREIGN_KEYS: dict[str, dict[str, str]] = {
    "i_beneficiarymapping": {
        "BenRegId": "m_beneficiaryregidmapping.BenRegId",
        "BenDetailsId": "i_beneficiarydetails.BeneficiaryDetailsId",
        "BenAddressId": "i_beneficiaryaddress.BenAddressID",
        "BenContactsId": "i_beneficiarycontacts.BenContactsID",
    },
    "i_beneficiaryidentity": {"BenMapId": "i_beneficiarymapping.BenMapId"},
    "t_phy_anthropometry": {"BenVisitID": "t_benvisitdetail.BenVisitID"},
    "t_phy_vitals": {"BenVisitID": "t_benvisitdetail.BenVisitID"},
    "t_benchiefcomplaint": {"BenVisitID": "t_benvisitdetail.BenVisitID"},
    "t_prescription": {"BenVisitID": "t_benvisitdetail.BenVisitID"},
    "t_prescribeddrug": {
        "BenVisitID": "t_benvisitdetail.BenVisitID",
        "PrescriptionID": "t_prescription.PrescriptionID",
    },
    "t_lab_testorder": {"BenVisitID": "t_benvisitdetail.BenVisitID"},
    "t_benreferdetails": {"BenVisitID": "t_benvisitdetail.BenVisitID"},
}

# Plain indexes that make the screens fast on a large database.
LOCAL_INDEXES: dict[str, list[list[str]]] = {
    "i_beneficiarydetails": [["FirstName"], ["LastName"]],
    "i_beneficiarycontacts": [["PreferredPhoneNum"]],
    "i_beneficiaryaddress": [["CurrVillageId"]],
    "m_beneficiaryregidmapping": [["Provisioned", "Reserved"]],
    "t_benvisitdetail": [["BeneficiaryRegID"]],
}

_TYPE = re.compile(r"(?P<base>[a-z]+)(?:\((?P<args>[^)]*)\))?")


@dataclass(frozen=True)
class ColumnSpec:
    """One column as AMRIT defines it."""

    name: str
    type: str
    nullable: bool
    default: str | None
    auto_increment: bool

    @property
    def is_datetime(self) -> bool:
        return self.type.startswith(("datetime", "timestamp", "date"))


@dataclass(frozen=True)
class TableSpec:
    """One AMRIT table: its schema (``db_iemr`` or ``db_identity``), keys and columns."""

    name: str
    schema: str
    primary_key: tuple[str, ...]
    synced: bool
    columns: tuple[ColumnSpec, ...]
    unique_keys: tuple[tuple[str, tuple[str, ...]], ...]

    @property
    def column_names(self) -> list[str]:
        return [c.name for c in self.columns]

    def column(self, name: str) -> ColumnSpec:
        """The column whose name matches ``name``, ignoring case as MySQL and SQLite do."""
        wanted = name.lower()
        for col in self.columns:
            if col.name.lower() == wanted:
                return col
        raise KeyError(f"{self.name} has no column {name}")


@cache
def table_specs() -> dict[str, TableSpec]:
    """Every AMRIT table the app knows, by name."""
    raw = json.loads(resources.files(__package__).joinpath(SCHEMA_FILE).read_text("utf-8"))
    specs = {}
    for name, spec in raw.items():
        specs[name] = TableSpec(
            name=name,
            schema=spec["schema"],
            primary_key=tuple(spec["primary_key"]),
            synced=spec["synced"],
            columns=tuple(ColumnSpec(**c) for c in spec["columns"]),
            unique_keys=tuple((u["name"], tuple(u["columns"])) for u in spec["unique_keys"]),
        )
    return specs


def synced_table_names() -> list[str]:
    """Tables whose rows a van creates and uploads."""
    return [name for name, spec in table_specs().items() if spec.synced]


def master_table_names() -> list[str]:
    """Master tables the van downloads from central (control tables excluded)."""
    control = {"m_synctabledetail", "m_synctablegroup", "m_downloadmastertable"}
    return [
        name
        for name, spec in table_specs().items()
        if name.startswith("m_") and not spec.synced and name not in control
    ]


def sql_type(mysql_type: str, *, primary_key: bool = False) -> sa.types.TypeEngine[Any]:
    """The SQLAlchemy type for a MySQL column type such as ``varchar(45)`` or ``bit(1)``."""
    match = _TYPE.match(mysql_type)
    if not match:
        raise ValueError(f"unknown column type {mysql_type!r}")
    base, args = match.group("base"), match.group("args")
    if base in {"int", "smallint", "tinyint", "mediumint", "bigint"}:
        if primary_key:
            # SQLite makes only an INTEGER PRIMARY KEY an auto-assigned row id.
            return sa.BigInteger().with_variant(sa.Integer(), "sqlite")
        return sa.BigInteger() if base == "bigint" else sa.Integer()
    if base == "bit":
        return sa.Boolean(create_constraint=False)
    if base in {"varchar", "char"}:
        return sa.String(int(args)) if args else sa.String()
    if base in {"text", "mediumtext", "longtext", "tinytext"}:
        return sa.Text()
    if base in {"datetime", "timestamp"}:
        return sa.DateTime()
    if base == "date":
        return sa.Date()
    if base == "decimal":
        precision, scale = (int(x) for x in (args or "10,0").split(","))
        return sa.Numeric(precision, scale, asdecimal=False)
    if base in {"double", "float"}:
        return sa.Float()
    raise ValueError(f"unknown column type {mysql_type!r}")


def _server_default(raw: str | None) -> Any:
    if raw is None or raw == "NULL":
        return None
    if raw == "CURRENT_TIMESTAMP":
        return sa.text("CURRENT_TIMESTAMP")
    if raw.startswith("b'"):
        return sa.text(raw[2:-1])
    return sa.text(raw)


def build_metadata(*, for_central: bool = False) -> sa.MetaData:
    """Build the tables.

    ``for_central`` builds the reference central server's copy instead: no van-local
    foreign keys (central stores rows of many vans), and a unique index on
    (VanSerialNo, VanID) behind its de-duplication.
    """
    metadata = sa.MetaData()
    for spec in table_specs().values():
        local_fks = {} if for_central else LOCAL_FOREIGN_KEYS.get(spec.name, {})
        single_pk = len(spec.primary_key) == 1
        columns = []
        for col in spec.columns:
            is_pk = col.name in spec.primary_key
            args: list[Any] = []
            if col.name in local_fks:
                args.append(sa.ForeignKey(local_fks[col.name]))
            columns.append(
                sa.Column(
                    col.name,
                    sql_type(col.type, primary_key=is_pk and single_pk),
                    *args,
                    primary_key=is_pk,
                    autoincrement=col.auto_increment if is_pk else False,
                    nullable=col.nullable and not is_pk,
                    server_default=None if is_pk else _server_default(col.default),
                )
            )
        table = sa.Table(spec.name, metadata, *columns, sqlite_autoincrement=single_pk)
        for key_name, key_cols in spec.unique_keys:
            sa.Index(f"uq_{spec.name}_{key_name}", *(table.c[c] for c in key_cols), unique=True)
        if for_central:
            _add_central_indexes(spec, table)
        else:
            _add_local_indexes(spec, table)
    return metadata


def _add_local_indexes(spec: TableSpec, table: sa.Table) -> None:
    for cols in LOCAL_INDEXES.get(spec.name, []):
        sa.Index(f"ix_{spec.name}_{'_'.join(cols)}", *(table.c[c] for c in cols))
    if spec.name == "t_benvisitdetail":
        sa.Index("uq_t_benvisitdetail_VisitCode", table.c.VisitCode, unique=True)
    if spec.synced:
        # Pending rows are found by index, not by scanning a table of synced rows.
        sa.Index(
            f"ix_{spec.name}_pending",
            table.c[spec.primary_key[0]],
            sqlite_where=sa.text("Processed IS NOT 'P'"),
        )


def _add_central_indexes(spec: TableSpec, table: sa.Table) -> None:
    if spec.synced and spec.name != "m_beneficiaryregidmapping":
        van_id = spec.column("VanID").name
        sa.Index(f"uq_{spec.name}_van_row", table.c.VanSerialNo, table.c[van_id], unique=True)


metadata = build_metadata()


def table(name: str) -> sa.Table:
    """The local table called ``name``."""
    return metadata.tables[name]
