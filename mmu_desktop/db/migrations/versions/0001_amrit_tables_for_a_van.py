"""AMRIT tables for a van: the baseline schema, frozen as it first shipped.

Generated once by Alembic from mmu_desktop/db/schema.py; never edit it, add a new
revision instead.

Revision ID: 0001
Revises: (none)
Create Date: 2026-12-04 15:50:39.413599
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0001"
down_revision: str | None = None
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "i_ben_flow_outreach",
        sa.Column(
            "ben_flow_id",
            sa.BigInteger().with_variant(sa.Integer(), "sqlite"),
            autoincrement=True,
            nullable=False,
        ),
        sa.Column("beneficiary_reg_id", sa.BigInteger(), autoincrement=False, nullable=True),
        sa.Column("beneficiary_visit_id", sa.BigInteger(), autoincrement=False, nullable=True),
        sa.Column("beneficiary_visit_code", sa.BigInteger(), autoincrement=False, nullable=True),
        sa.Column("visit_reason", sa.String(length=45), autoincrement=False, nullable=True),
        sa.Column("visit_category", sa.String(length=45), autoincrement=False, nullable=True),
        sa.Column("visit_no", sa.Integer(), autoincrement=False, nullable=True),
        sa.Column("ben_name", sa.String(length=125), autoincrement=False, nullable=True),
        sa.Column("ben_age", sa.String(length=45), autoincrement=False, nullable=True),
        sa.Column("ben_dob", sa.DateTime(), autoincrement=False, nullable=True),
        sa.Column("ben_gender", sa.String(length=45), autoincrement=False, nullable=True),
        sa.Column("ben_phone_no", sa.String(length=45), autoincrement=False, nullable=True),
        sa.Column("ben_age_val", sa.Integer(), autoincrement=False, nullable=True),
        sa.Column(
            "nurse_flag",
            sa.Integer(),
            server_default=sa.text("'0'"),
            autoincrement=False,
            nullable=True,
        ),
        sa.Column(
            "doctor_flag",
            sa.Integer(),
            server_default=sa.text("'0'"),
            autoincrement=False,
            nullable=True,
        ),
        sa.Column(
            "pharmacist_flag",
            sa.Integer(),
            server_default=sa.text("'0'"),
            autoincrement=False,
            nullable=True,
        ),
        sa.Column(
            "lab_technician_flag",
            sa.Integer(),
            server_default=sa.text("'0'"),
            autoincrement=False,
            nullable=True,
        ),
        sa.Column(
            "radiologist_flag",
            sa.Integer(),
            server_default=sa.text("'0'"),
            autoincrement=False,
            nullable=True,
        ),
        sa.Column(
            "oncologist_flag",
            sa.Integer(),
            server_default=sa.text("'0'"),
            autoincrement=False,
            nullable=True,
        ),
        sa.Column(
            "specialist_flag",
            sa.Integer(),
            server_default=sa.text("'0'"),
            autoincrement=False,
            nullable=True,
        ),
        sa.Column(
            "TC_SpecialistLabFlag",
            sa.Integer(),
            server_default=sa.text("'0'"),
            autoincrement=False,
            nullable=True,
        ),
        sa.Column("created_by", sa.String(length=45), autoincrement=False, nullable=True),
        sa.Column(
            "created_date",
            sa.DateTime(),
            server_default=sa.text("(CURRENT_TIMESTAMP)"),
            autoincrement=False,
            nullable=True,
        ),
        sa.Column("modified_by", sa.String(length=45), autoincrement=False, nullable=True),
        sa.Column(
            "modified_date",
            sa.DateTime(),
            server_default=sa.text("(CURRENT_TIMESTAMP)"),
            autoincrement=False,
            nullable=True,
        ),
        sa.Column("visitDate", sa.DateTime(), autoincrement=False, nullable=True),
        sa.Column("consultationDate", sa.DateTime(), autoincrement=False, nullable=True),
        sa.Column("registrationDate", sa.DateTime(), autoincrement=False, nullable=True),
        sa.Column("visitSession", sa.Integer(), autoincrement=False, nullable=True),
        sa.Column("father_name", sa.String(length=100), autoincrement=False, nullable=True),
        sa.Column("spouse_name", sa.String(length=100), autoincrement=False, nullable=True),
        sa.Column("ben_gender_val", sa.Integer(), autoincrement=False, nullable=True),
        sa.Column("beneficiary_id", sa.BigInteger(), autoincrement=False, nullable=True),
        sa.Column("districtID", sa.Integer(), autoincrement=False, nullable=True),
        sa.Column("district", sa.String(length=100), autoincrement=False, nullable=True),
        sa.Column("villageID", sa.Integer(), autoincrement=False, nullable=True),
        sa.Column("village", sa.String(length=150), autoincrement=False, nullable=True),
        sa.Column("lab_iteration_cnt", sa.Integer(), autoincrement=False, nullable=True),
        sa.Column(
            "deleted", sa.Boolean(), server_default=sa.text("0"), autoincrement=False, nullable=True
        ),
        sa.Column("servicePointID", sa.Integer(), autoincrement=False, nullable=True),
        sa.Column("servicePoint", sa.String(length=150), autoincrement=False, nullable=True),
        sa.Column("providerServiceMapID", sa.Integer(), autoincrement=False, nullable=True),
        sa.Column("vanID", sa.Integer(), autoincrement=False, nullable=True),
        sa.Column("vanNo", sa.String(length=45), autoincrement=False, nullable=True),
        sa.Column("consultantID", sa.Integer(), autoincrement=False, nullable=True),
        sa.Column("consultantName", sa.String(length=125), autoincrement=False, nullable=True),
        sa.Column("VanSerialNo", sa.BigInteger(), autoincrement=False, nullable=True),
        sa.Column("VehicalNo", sa.String(length=30), autoincrement=False, nullable=True),
        sa.Column("ParkingPlaceID", sa.Integer(), autoincrement=False, nullable=True),
        sa.Column("SyncedBy", sa.String(length=30), autoincrement=False, nullable=True),
        sa.Column("SyncedDate", sa.DateTime(), autoincrement=False, nullable=True),
        sa.Column("ReservedForChange", sa.String(length=30), autoincrement=False, nullable=True),
        sa.Column(
            "Processed",
            sa.String(length=4),
            server_default=sa.text("'N'"),
            autoincrement=False,
            nullable=True,
        ),
        sa.Column(
            "BenArrivedFlag",
            sa.Boolean(),
            server_default=sa.text("0"),
            autoincrement=False,
            nullable=True,
        ),
        sa.Column("TCSpecialistUserID", sa.Integer(), autoincrement=False, nullable=True),
        sa.Column("TCRequestDate", sa.DateTime(), autoincrement=False, nullable=True),
        sa.Column("referred_visitcode", sa.BigInteger(), autoincrement=False, nullable=True),
        sa.Column("referred_visit_id", sa.BigInteger(), autoincrement=False, nullable=True),
        sa.Column("isCaseSheetdownloaded", sa.Boolean(), autoincrement=False, nullable=True),
        sa.Column("SyncFailureReason", sa.String(length=500), autoincrement=False, nullable=True),
        sa.PrimaryKeyConstraint("ben_flow_id"),
        sqlite_autoincrement=True,
    )
    with op.batch_alter_table("i_ben_flow_outreach", schema=None) as batch_op:
        batch_op.create_index(
            "ix_i_ben_flow_outreach_pending",
            ["ben_flow_id"],
            unique=False,
            sqlite_where=sa.text("Processed IS NOT 'P'"),
        )

    op.create_table(
        "i_beneficiaryaccount",
        sa.Column(
            "BenAccountID",
            sa.BigInteger().with_variant(sa.Integer(), "sqlite"),
            autoincrement=True,
            nullable=False,
        ),
        sa.Column("BankName", sa.String(length=100), autoincrement=False, nullable=True),
        sa.Column("BranchName", sa.String(length=100), autoincrement=False, nullable=True),
        sa.Column("IFSCCode", sa.String(length=20), autoincrement=False, nullable=True),
        sa.Column("AccountNo", sa.String(length=50), autoincrement=False, nullable=True),
        sa.Column(
            "Deleted", sa.Boolean(), server_default=sa.text("0"), autoincrement=False, nullable=True
        ),
        sa.Column(
            "Processed",
            sa.String(length=4),
            server_default=sa.text("'N'"),
            autoincrement=False,
            nullable=False,
        ),
        sa.Column("CreatedBy", sa.String(length=50), autoincrement=False, nullable=False),
        sa.Column(
            "CreatedDate",
            sa.DateTime(),
            server_default=sa.text("(CURRENT_TIMESTAMP)"),
            autoincrement=False,
            nullable=False,
        ),
        sa.Column("Reserved", sa.Boolean(), autoincrement=False, nullable=True),
        sa.Column("ReservedFor", sa.String(length=45), autoincrement=False, nullable=True),
        sa.Column("ReservedOn", sa.String(length=45), autoincrement=False, nullable=True),
        sa.Column("ReservedById", sa.Integer(), autoincrement=False, nullable=True),
        sa.Column("ModifiedBy", sa.String(length=50), autoincrement=False, nullable=True),
        sa.Column(
            "LastModDate",
            sa.DateTime(),
            server_default=sa.text("(CURRENT_TIMESTAMP)"),
            autoincrement=False,
            nullable=True,
        ),
        sa.Column("VanSerialNo", sa.BigInteger(), autoincrement=False, nullable=True),
        sa.Column("VanID", sa.Integer(), autoincrement=False, nullable=True),
        sa.Column("VehicalNo", sa.String(length=30), autoincrement=False, nullable=True),
        sa.Column("ParkingPlaceID", sa.Integer(), autoincrement=False, nullable=True),
        sa.Column("SyncedBy", sa.String(length=30), autoincrement=False, nullable=True),
        sa.Column("SyncedDate", sa.DateTime(), autoincrement=False, nullable=True),
        sa.Column("ReservedForChange", sa.String(length=30), autoincrement=False, nullable=True),
        sa.Column("SyncFailureReason", sa.String(length=500), autoincrement=False, nullable=True),
        sa.PrimaryKeyConstraint("BenAccountID"),
        sqlite_autoincrement=True,
    )
    with op.batch_alter_table("i_beneficiaryaccount", schema=None) as batch_op:
        batch_op.create_index(
            "ix_i_beneficiaryaccount_pending",
            ["BenAccountID"],
            unique=False,
            sqlite_where=sa.text("Processed IS NOT 'P'"),
        )

    op.create_table(
        "i_beneficiaryaddress",
        sa.Column(
            "BenAddressID",
            sa.BigInteger().with_variant(sa.Integer(), "sqlite"),
            autoincrement=True,
            nullable=False,
        ),
        sa.Column("PermAddrLine1", sa.String(length=50), autoincrement=False, nullable=True),
        sa.Column("PermAddrLine2", sa.String(length=50), autoincrement=False, nullable=True),
        sa.Column("PermAddrLine3", sa.String(length=50), autoincrement=False, nullable=True),
        sa.Column("PermCountryId", sa.Integer(), autoincrement=False, nullable=True),
        sa.Column("PermCountry", sa.String(length=15), autoincrement=False, nullable=True),
        sa.Column("PermStateId", sa.Integer(), autoincrement=False, nullable=True),
        sa.Column("PermState", sa.String(length=30), autoincrement=False, nullable=True),
        sa.Column("PermDistrictId", sa.Integer(), autoincrement=False, nullable=True),
        sa.Column("PermDistrict", sa.String(length=50), autoincrement=False, nullable=True),
        sa.Column("PermSubDistrictId", sa.Integer(), autoincrement=False, nullable=True),
        sa.Column("PermSubDistrict", sa.String(length=50), autoincrement=False, nullable=True),
        sa.Column("PermVillageId", sa.Integer(), autoincrement=False, nullable=True),
        sa.Column("PermVillage", sa.String(length=100), autoincrement=False, nullable=True),
        sa.Column("PermHabitation", sa.String(length=50), autoincrement=False, nullable=True),
        sa.Column("PermPinCode", sa.String(length=8), autoincrement=False, nullable=True),
        sa.Column("PermZoneID", sa.Integer(), autoincrement=False, nullable=True),
        sa.Column("PermZone", sa.String(length=50), autoincrement=False, nullable=True),
        sa.Column("PermAreaId", sa.Integer(), autoincrement=False, nullable=True),
        sa.Column("PermArea", sa.String(length=50), autoincrement=False, nullable=True),
        sa.Column("PermServicePointId", sa.Integer(), autoincrement=False, nullable=True),
        sa.Column("PermServicePoint", sa.String(length=50), autoincrement=False, nullable=True),
        sa.Column("PermCoordinate", sa.String(length=50), autoincrement=False, nullable=True),
        sa.Column("CurrAddrLine1", sa.String(length=50), autoincrement=False, nullable=True),
        sa.Column("CurrAddrLine2", sa.String(length=50), autoincrement=False, nullable=True),
        sa.Column("CurrAddrLine3", sa.String(length=50), autoincrement=False, nullable=True),
        sa.Column("CurrCountryId", sa.Integer(), autoincrement=False, nullable=True),
        sa.Column("CurrCountry", sa.String(length=15), autoincrement=False, nullable=True),
        sa.Column("CurrStateId", sa.Integer(), autoincrement=False, nullable=True),
        sa.Column("CurrState", sa.String(length=30), autoincrement=False, nullable=True),
        sa.Column("CurrDistrictId", sa.Integer(), autoincrement=False, nullable=True),
        sa.Column("CurrDistrict", sa.String(length=50), autoincrement=False, nullable=True),
        sa.Column("CurrSubDistrictId", sa.Integer(), autoincrement=False, nullable=True),
        sa.Column("CurrSubDistrict", sa.String(length=50), autoincrement=False, nullable=True),
        sa.Column("CurrVillageId", sa.Integer(), autoincrement=False, nullable=True),
        sa.Column("CurrVillage", sa.String(length=100), autoincrement=False, nullable=True),
        sa.Column("CurrHabitation", sa.String(length=50), autoincrement=False, nullable=True),
        sa.Column("CurrPinCode", sa.String(length=8), autoincrement=False, nullable=True),
        sa.Column("CurrZoneID", sa.Integer(), autoincrement=False, nullable=True),
        sa.Column("CurrZone", sa.String(length=50), autoincrement=False, nullable=True),
        sa.Column("CurrAreaId", sa.Integer(), autoincrement=False, nullable=True),
        sa.Column("CurrArea", sa.String(length=50), autoincrement=False, nullable=True),
        sa.Column("CurrServicePointId", sa.Integer(), autoincrement=False, nullable=True),
        sa.Column("CurrServicePoint", sa.String(length=50), autoincrement=False, nullable=True),
        sa.Column("CurrCoordinate", sa.String(length=50), autoincrement=False, nullable=True),
        sa.Column("EmerAddrLine1", sa.String(length=50), autoincrement=False, nullable=True),
        sa.Column("EmerAddrLine2", sa.String(length=50), autoincrement=False, nullable=True),
        sa.Column("EmerAddrLine3", sa.String(length=50), autoincrement=False, nullable=True),
        sa.Column("EmerCountryId", sa.Integer(), autoincrement=False, nullable=True),
        sa.Column("EmerCountry", sa.String(length=15), autoincrement=False, nullable=True),
        sa.Column("EmerStateId", sa.Integer(), autoincrement=False, nullable=True),
        sa.Column("EmerState", sa.String(length=30), autoincrement=False, nullable=True),
        sa.Column("EmerDistrictId", sa.Integer(), autoincrement=False, nullable=True),
        sa.Column("EmerDistrict", sa.String(length=50), autoincrement=False, nullable=True),
        sa.Column("EmerSubDistrictId", sa.Integer(), autoincrement=False, nullable=True),
        sa.Column("EmerSubDistrict", sa.String(length=50), autoincrement=False, nullable=True),
        sa.Column("EmerVillageId", sa.Integer(), autoincrement=False, nullable=True),
        sa.Column("EmerVillage", sa.String(length=100), autoincrement=False, nullable=True),
        sa.Column("EmerHabitation", sa.String(length=50), autoincrement=False, nullable=True),
        sa.Column("EmerPinCode", sa.String(length=8), autoincrement=False, nullable=True),
        sa.Column("PermAddressValue", sa.String(length=250), autoincrement=False, nullable=True),
        sa.Column("CurrAddressValue", sa.String(length=250), autoincrement=False, nullable=True),
        sa.Column("EmerAddressValue", sa.String(length=250), autoincrement=False, nullable=True),
        sa.Column("EmerZoneID", sa.Integer(), autoincrement=False, nullable=True),
        sa.Column("EmerZone", sa.String(length=50), autoincrement=False, nullable=True),
        sa.Column("EmerAreaId", sa.Integer(), autoincrement=False, nullable=True),
        sa.Column("EmerArea", sa.String(length=50), autoincrement=False, nullable=True),
        sa.Column("EmerServicePointId", sa.Integer(), autoincrement=False, nullable=True),
        sa.Column("EmerServicePoint", sa.String(length=50), autoincrement=False, nullable=True),
        sa.Column("EmerCoordinate", sa.String(length=50), autoincrement=False, nullable=True),
        sa.Column(
            "Deleted", sa.Boolean(), server_default=sa.text("0"), autoincrement=False, nullable=True
        ),
        sa.Column(
            "Processed",
            sa.String(length=4),
            server_default=sa.text("'N'"),
            autoincrement=False,
            nullable=False,
        ),
        sa.Column("CreatedBy", sa.String(length=50), autoincrement=False, nullable=False),
        sa.Column(
            "CreatedDate",
            sa.DateTime(),
            server_default=sa.text("(CURRENT_TIMESTAMP)"),
            autoincrement=False,
            nullable=False,
        ),
        sa.Column(
            "Reserved",
            sa.Boolean(),
            server_default=sa.text("0"),
            autoincrement=False,
            nullable=True,
        ),
        sa.Column("ReservedFor", sa.String(length=45), autoincrement=False, nullable=True),
        sa.Column("ReservedOn", sa.String(length=45), autoincrement=False, nullable=True),
        sa.Column("ReservedById", sa.Integer(), autoincrement=False, nullable=True),
        sa.Column("ModifiedBy", sa.String(length=50), autoincrement=False, nullable=True),
        sa.Column(
            "LastModDate",
            sa.DateTime(),
            server_default=sa.text("(CURRENT_TIMESTAMP)"),
            autoincrement=False,
            nullable=True,
        ),
        sa.Column("VanSerialNo", sa.BigInteger(), autoincrement=False, nullable=True),
        sa.Column("VanID", sa.Integer(), autoincrement=False, nullable=True),
        sa.Column("VehicalNo", sa.String(length=30), autoincrement=False, nullable=True),
        sa.Column("ParkingPlaceID", sa.Integer(), autoincrement=False, nullable=True),
        sa.Column("SyncedBy", sa.String(length=30), autoincrement=False, nullable=True),
        sa.Column("SyncedDate", sa.DateTime(), autoincrement=False, nullable=True),
        sa.Column("ReservedForChange", sa.String(length=30), autoincrement=False, nullable=True),
        sa.Column("SyncFailureReason", sa.String(length=500), autoincrement=False, nullable=True),
        sa.PrimaryKeyConstraint("BenAddressID"),
        sqlite_autoincrement=True,
    )
    with op.batch_alter_table("i_beneficiaryaddress", schema=None) as batch_op:
        batch_op.create_index(
            "ix_i_beneficiaryaddress_CurrVillageId", ["CurrVillageId"], unique=False
        )
        batch_op.create_index(
            "ix_i_beneficiaryaddress_pending",
            ["BenAddressID"],
            unique=False,
            sqlite_where=sa.text("Processed IS NOT 'P'"),
        )

    op.create_table(
        "i_beneficiarycontacts",
        sa.Column(
            "BenContactsID",
            sa.BigInteger().with_variant(sa.Integer(), "sqlite"),
            autoincrement=True,
            nullable=False,
        ),
        sa.Column("PreferredPhoneNum", sa.String(length=25), autoincrement=False, nullable=True),
        sa.Column("PreferredPhoneTyp", sa.String(length=15), autoincrement=False, nullable=True),
        sa.Column("PreferredSMSPhoneNum", sa.String(length=25), autoincrement=False, nullable=True),
        sa.Column("PreferredSMSPhoneTyp", sa.String(length=15), autoincrement=False, nullable=True),
        sa.Column("EmergencyContactNum", sa.String(length=25), autoincrement=False, nullable=True),
        sa.Column("EmergencyContactTyp", sa.String(length=15), autoincrement=False, nullable=True),
        sa.Column("PhoneNum1", sa.String(length=25), autoincrement=False, nullable=True),
        sa.Column("PhoneTyp1", sa.String(length=15), autoincrement=False, nullable=True),
        sa.Column("PhoneNum2", sa.String(length=25), autoincrement=False, nullable=True),
        sa.Column("PhoneTyp2", sa.String(length=15), autoincrement=False, nullable=True),
        sa.Column("PhoneNum3", sa.String(length=25), autoincrement=False, nullable=True),
        sa.Column("PhoneTyp3", sa.String(length=15), autoincrement=False, nullable=True),
        sa.Column("PhoneNum4", sa.String(length=25), autoincrement=False, nullable=True),
        sa.Column("PhoneTyp4", sa.String(length=15), autoincrement=False, nullable=True),
        sa.Column("PhoneNum5", sa.String(length=25), autoincrement=False, nullable=True),
        sa.Column("PhoneTyp5", sa.String(length=15), autoincrement=False, nullable=True),
        sa.Column("EmailId", sa.String(length=75), autoincrement=False, nullable=True),
        sa.Column(
            "Deleted", sa.Boolean(), server_default=sa.text("0"), autoincrement=False, nullable=True
        ),
        sa.Column(
            "Processed",
            sa.String(length=4),
            server_default=sa.text("'N'"),
            autoincrement=False,
            nullable=False,
        ),
        sa.Column("CreatedBy", sa.String(length=50), autoincrement=False, nullable=False),
        sa.Column(
            "CreatedDate",
            sa.DateTime(),
            server_default=sa.text("(CURRENT_TIMESTAMP)"),
            autoincrement=False,
            nullable=False,
        ),
        sa.Column(
            "Reserved",
            sa.Boolean(),
            server_default=sa.text("0"),
            autoincrement=False,
            nullable=True,
        ),
        sa.Column("ReservedFor", sa.String(length=45), autoincrement=False, nullable=True),
        sa.Column("ReservedOn", sa.String(length=45), autoincrement=False, nullable=True),
        sa.Column("ReservedById", sa.Integer(), autoincrement=False, nullable=True),
        sa.Column("ModifiedBy", sa.String(length=50), autoincrement=False, nullable=True),
        sa.Column(
            "LastModDate",
            sa.DateTime(),
            server_default=sa.text("(CURRENT_TIMESTAMP)"),
            autoincrement=False,
            nullable=True,
        ),
        sa.Column("VanSerialNo", sa.BigInteger(), autoincrement=False, nullable=True),
        sa.Column("VanID", sa.Integer(), autoincrement=False, nullable=True),
        sa.Column("VehicalNo", sa.String(length=30), autoincrement=False, nullable=True),
        sa.Column("ParkingPlaceID", sa.Integer(), autoincrement=False, nullable=True),
        sa.Column("SyncedBy", sa.String(length=30), autoincrement=False, nullable=True),
        sa.Column("SyncedDate", sa.DateTime(), autoincrement=False, nullable=True),
        sa.Column("ReservedForChange", sa.String(length=30), autoincrement=False, nullable=True),
        sa.Column("SyncFailureReason", sa.String(length=500), autoincrement=False, nullable=True),
        sa.PrimaryKeyConstraint("BenContactsID"),
        sqlite_autoincrement=True,
    )
    with op.batch_alter_table("i_beneficiarycontacts", schema=None) as batch_op:
        batch_op.create_index(
            "ix_i_beneficiarycontacts_PreferredPhoneNum", ["PreferredPhoneNum"], unique=False
        )
        batch_op.create_index(
            "ix_i_beneficiarycontacts_pending",
            ["BenContactsID"],
            unique=False,
            sqlite_where=sa.text("Processed IS NOT 'P'"),
        )

    op.create_table(
        "i_beneficiarydetails",
        sa.Column(
            "BeneficiaryDetailsId",
            sa.BigInteger().with_variant(sa.Integer(), "sqlite"),
            autoincrement=True,
            nullable=False,
        ),
        sa.Column("BeneficiaryRegID", sa.BigInteger(), autoincrement=False, nullable=True),
        sa.Column("TitleId", sa.Integer(), autoincrement=False, nullable=True),
        sa.Column("Title", sa.String(length=10), autoincrement=False, nullable=True),
        sa.Column("FirstName", sa.String(length=50), autoincrement=False, nullable=True),
        sa.Column("MiddleName", sa.String(length=50), autoincrement=False, nullable=True),
        sa.Column("LastName", sa.String(length=50), autoincrement=False, nullable=True),
        sa.Column("Status", sa.String(length=10), autoincrement=False, nullable=True),
        sa.Column("GenderId", sa.Integer(), autoincrement=False, nullable=True),
        sa.Column("Gender", sa.String(length=20), autoincrement=False, nullable=True),
        sa.Column("MaritalStatusId", sa.Integer(), autoincrement=False, nullable=True),
        sa.Column("MaritalStatus", sa.String(length=20), autoincrement=False, nullable=True),
        sa.Column("MarriageDate", sa.DateTime(), autoincrement=False, nullable=True),
        sa.Column("MarriageAge", sa.Integer(), autoincrement=False, nullable=True),
        sa.Column("DOB", sa.DateTime(), autoincrement=False, nullable=True),
        sa.Column("FatherName", sa.String(length=50), autoincrement=False, nullable=True),
        sa.Column("MotherName", sa.String(length=50), autoincrement=False, nullable=True),
        sa.Column("SpouseName", sa.String(length=50), autoincrement=False, nullable=True),
        sa.Column(
            "EmergencyRegistration",
            sa.Boolean(),
            server_default=sa.text("0"),
            autoincrement=False,
            nullable=True,
        ),
        sa.Column("HealthCareWorkerId", sa.Integer(), autoincrement=False, nullable=True),
        sa.Column("HealthCareWorker", sa.String(length=45), autoincrement=False, nullable=True),
        sa.Column("PlaceOfWork", sa.String(length=30), autoincrement=False, nullable=True),
        sa.Column("LiteracyStatus", sa.String(length=30), autoincrement=False, nullable=True),
        sa.Column("educationId", sa.Integer(), autoincrement=False, nullable=True),
        sa.Column("education", sa.String(length=45), autoincrement=False, nullable=True),
        sa.Column("occupationId", sa.Integer(), autoincrement=False, nullable=True),
        sa.Column("occupation", sa.String(length=45), autoincrement=False, nullable=True),
        sa.Column("incomeStatusId", sa.Integer(), autoincrement=False, nullable=True),
        sa.Column("incomeStatus", sa.String(length=45), autoincrement=False, nullable=True),
        sa.Column("communityId", sa.Integer(), autoincrement=False, nullable=True),
        sa.Column("community", sa.String(length=45), autoincrement=False, nullable=True),
        sa.Column("religionId", sa.Integer(), autoincrement=False, nullable=True),
        sa.Column("religion", sa.String(length=45), autoincrement=False, nullable=True),
        sa.Column("preferredLanguageId", sa.Integer(), autoincrement=False, nullable=True),
        sa.Column("preferredLanguage", sa.String(length=45), autoincrement=False, nullable=True),
        sa.Column("sourceOfInfo", sa.String(length=300), autoincrement=False, nullable=True),
        sa.Column("servicePointId", sa.BigInteger(), autoincrement=False, nullable=True),
        sa.Column("areaId", sa.Integer(), autoincrement=False, nullable=True),
        sa.Column("zoneId", sa.Integer(), autoincrement=False, nullable=True),
        sa.Column("phcId", sa.Integer(), autoincrement=False, nullable=True),
        sa.Column("Remarks", sa.String(length=300), autoincrement=False, nullable=True),
        sa.Column("familyid", sa.String(length=50), autoincrement=False, nullable=True),
        sa.Column("HeadofFamily_RelationID", sa.Integer(), autoincrement=False, nullable=True),
        sa.Column(
            "HeadofFamily_Relation", sa.String(length=50), autoincrement=False, nullable=True
        ),
        sa.Column("Others", sa.String(length=100), autoincrement=False, nullable=True),
        sa.Column(
            "Deleted", sa.Boolean(), server_default=sa.text("0"), autoincrement=False, nullable=True
        ),
        sa.Column(
            "Processed",
            sa.String(length=4),
            server_default=sa.text("'N'"),
            autoincrement=False,
            nullable=False,
        ),
        sa.Column("CreatedBy", sa.String(length=50), autoincrement=False, nullable=False),
        sa.Column(
            "CreatedDate",
            sa.DateTime(),
            server_default=sa.text("(CURRENT_TIMESTAMP)"),
            autoincrement=False,
            nullable=False,
        ),
        sa.Column(
            "Reserved",
            sa.Boolean(),
            server_default=sa.text("0"),
            autoincrement=False,
            nullable=True,
        ),
        sa.Column("ReservedFor", sa.String(length=45), autoincrement=False, nullable=True),
        sa.Column("ReservedOn", sa.String(length=45), autoincrement=False, nullable=True),
        sa.Column("ReservedById", sa.Integer(), autoincrement=False, nullable=True),
        sa.Column("ModifiedBy", sa.String(length=50), autoincrement=False, nullable=True),
        sa.Column(
            "LastModDate",
            sa.DateTime(),
            server_default=sa.text("(CURRENT_TIMESTAMP)"),
            autoincrement=False,
            nullable=True,
        ),
        sa.Column("VanSerialNo", sa.BigInteger(), autoincrement=False, nullable=True),
        sa.Column("VanID", sa.Integer(), autoincrement=False, nullable=True),
        sa.Column("VehicalNo", sa.String(length=30), autoincrement=False, nullable=True),
        sa.Column("ParkingPlaceID", sa.Integer(), autoincrement=False, nullable=True),
        sa.Column("SexualOrientationID", sa.Integer(), autoincrement=False, nullable=True),
        sa.Column(
            "SexualOrientationType", sa.String(length=30), autoincrement=False, nullable=True
        ),
        sa.Column(
            "IsHIVPositive",
            sa.Boolean(),
            server_default=sa.text("0"),
            autoincrement=False,
            nullable=True,
        ),
        sa.Column("HIVStatus", sa.Integer(), autoincrement=False, nullable=True),
        sa.Column("SyncedBy", sa.String(length=30), autoincrement=False, nullable=True),
        sa.Column("SyncedDate", sa.DateTime(), autoincrement=False, nullable=True),
        sa.Column("ReservedForChange", sa.String(length=30), autoincrement=False, nullable=True),
        sa.Column("MonthlyFamilyIncome", sa.String(length=10), autoincrement=False, nullable=True),
        sa.Column("SyncFailureReason", sa.String(length=500), autoincrement=False, nullable=True),
        sa.PrimaryKeyConstraint("BeneficiaryDetailsId"),
        sqlite_autoincrement=True,
    )
    with op.batch_alter_table("i_beneficiarydetails", schema=None) as batch_op:
        batch_op.create_index("ix_i_beneficiarydetails_FirstName", ["FirstName"], unique=False)
        batch_op.create_index("ix_i_beneficiarydetails_LastName", ["LastName"], unique=False)
        batch_op.create_index(
            "ix_i_beneficiarydetails_pending",
            ["BeneficiaryDetailsId"],
            unique=False,
            sqlite_where=sa.text("Processed IS NOT 'P'"),
        )
        batch_op.create_index(
            "uq_i_beneficiarydetails_BeneficiaryRegID_UNIQUE", ["BeneficiaryRegID"], unique=True
        )

    op.create_table(
        "i_beneficiaryfamilymapping",
        sa.Column(
            "BenFamilyMapId",
            sa.BigInteger().with_variant(sa.Integer(), "sqlite"),
            autoincrement=True,
            nullable=False,
        ),
        sa.Column("BenMapId", sa.BigInteger(), autoincrement=False, nullable=True),
        sa.Column("AssociatedBenRegID", sa.BigInteger(), autoincrement=False, nullable=True),
        sa.Column("RelationshipID", sa.Integer(), autoincrement=False, nullable=True),
        sa.Column("RelationshipToSelf", sa.String(length=15), autoincrement=False, nullable=True),
        sa.Column("IsEmergencyContact", sa.Boolean(), autoincrement=False, nullable=True),
        sa.Column(
            "Deleted", sa.Boolean(), server_default=sa.text("0"), autoincrement=False, nullable=True
        ),
        sa.Column(
            "Processed",
            sa.String(length=4),
            server_default=sa.text("'N'"),
            autoincrement=False,
            nullable=False,
        ),
        sa.Column("CreatedBy", sa.String(length=50), autoincrement=False, nullable=False),
        sa.Column(
            "CreatedDate",
            sa.DateTime(),
            server_default=sa.text("(CURRENT_TIMESTAMP)"),
            autoincrement=False,
            nullable=False,
        ),
        sa.Column(
            "Reserved",
            sa.Boolean(),
            server_default=sa.text("0"),
            autoincrement=False,
            nullable=True,
        ),
        sa.Column("ReservedFor", sa.String(length=45), autoincrement=False, nullable=True),
        sa.Column("ReservedOn", sa.String(length=45), autoincrement=False, nullable=True),
        sa.Column("ReservedById", sa.Integer(), autoincrement=False, nullable=True),
        sa.Column("ModifiedBy", sa.String(length=50), autoincrement=False, nullable=True),
        sa.Column(
            "LastModDate",
            sa.DateTime(),
            server_default=sa.text("(CURRENT_TIMESTAMP)"),
            autoincrement=False,
            nullable=True,
        ),
        sa.Column("VanSerialNo", sa.BigInteger(), autoincrement=False, nullable=True),
        sa.Column("VanID", sa.Integer(), autoincrement=False, nullable=True),
        sa.Column("VehicalNo", sa.String(length=30), autoincrement=False, nullable=True),
        sa.Column("ParkingPlaceID", sa.Integer(), autoincrement=False, nullable=True),
        sa.Column("SyncedBy", sa.String(length=30), autoincrement=False, nullable=True),
        sa.Column("SyncedDate", sa.DateTime(), autoincrement=False, nullable=True),
        sa.Column("ReservedForChange", sa.String(length=30), autoincrement=False, nullable=True),
        sa.Column("SyncFailureReason", sa.String(length=500), autoincrement=False, nullable=True),
        sa.PrimaryKeyConstraint("BenFamilyMapId"),
        sqlite_autoincrement=True,
    )
    with op.batch_alter_table("i_beneficiaryfamilymapping", schema=None) as batch_op:
        batch_op.create_index(
            "ix_i_beneficiaryfamilymapping_pending",
            ["BenFamilyMapId"],
            unique=False,
            sqlite_where=sa.text("Processed IS NOT 'P'"),
        )

    op.create_table(
        "i_beneficiaryimage",
        sa.Column(
            "BenImageId",
            sa.BigInteger().with_variant(sa.Integer(), "sqlite"),
            autoincrement=True,
            nullable=False,
        ),
        sa.Column("BenImage", sa.Text(), autoincrement=False, nullable=True),
        sa.Column("BenBiometric", sa.Text(), autoincrement=False, nullable=True),
        sa.Column(
            "Deleted", sa.Boolean(), server_default=sa.text("0"), autoincrement=False, nullable=True
        ),
        sa.Column(
            "Processed",
            sa.String(length=4),
            server_default=sa.text("'N'"),
            autoincrement=False,
            nullable=False,
        ),
        sa.Column("CreatedBy", sa.String(length=50), autoincrement=False, nullable=False),
        sa.Column(
            "CreatedDate",
            sa.DateTime(),
            server_default=sa.text("(CURRENT_TIMESTAMP)"),
            autoincrement=False,
            nullable=False,
        ),
        sa.Column(
            "Reserved",
            sa.Boolean(),
            server_default=sa.text("0"),
            autoincrement=False,
            nullable=True,
        ),
        sa.Column("ReservedFor", sa.String(length=45), autoincrement=False, nullable=True),
        sa.Column("ReservedOn", sa.String(length=45), autoincrement=False, nullable=True),
        sa.Column("ReservedById", sa.Integer(), autoincrement=False, nullable=True),
        sa.Column("ModifiedBy", sa.String(length=50), autoincrement=False, nullable=True),
        sa.Column(
            "LastModDate",
            sa.DateTime(),
            server_default=sa.text("(CURRENT_TIMESTAMP)"),
            autoincrement=False,
            nullable=True,
        ),
        sa.Column("VanSerialNo", sa.BigInteger(), autoincrement=False, nullable=True),
        sa.Column("VanID", sa.Integer(), autoincrement=False, nullable=True),
        sa.Column("VehicalNo", sa.String(length=30), autoincrement=False, nullable=True),
        sa.Column("ParkingPlaceID", sa.Integer(), autoincrement=False, nullable=True),
        sa.Column("SyncedBy", sa.String(length=30), autoincrement=False, nullable=True),
        sa.Column("SyncedDate", sa.DateTime(), autoincrement=False, nullable=True),
        sa.Column("ReservedForChange", sa.String(length=30), autoincrement=False, nullable=True),
        sa.Column("SyncFailureReason", sa.String(length=500), autoincrement=False, nullable=True),
        sa.PrimaryKeyConstraint("BenImageId"),
        sqlite_autoincrement=True,
    )
    with op.batch_alter_table("i_beneficiaryimage", schema=None) as batch_op:
        batch_op.create_index(
            "ix_i_beneficiaryimage_pending",
            ["BenImageId"],
            unique=False,
            sqlite_where=sa.text("Processed IS NOT 'P'"),
        )

    op.create_table(
        "m_beneficiaryeducation",
        sa.Column(
            "EducationID",
            sa.BigInteger().with_variant(sa.Integer(), "sqlite"),
            autoincrement=True,
            nullable=False,
        ),
        sa.Column("EducationType", sa.String(length=50), autoincrement=False, nullable=True),
        sa.Column(
            "Deleted", sa.Boolean(), server_default=sa.text("0"), autoincrement=False, nullable=True
        ),
        sa.Column(
            "Processed",
            sa.String(length=4),
            server_default=sa.text("'N'"),
            autoincrement=False,
            nullable=False,
        ),
        sa.Column("CreatedBy", sa.String(length=50), autoincrement=False, nullable=False),
        sa.Column(
            "CreatedDate",
            sa.DateTime(),
            server_default=sa.text("(CURRENT_TIMESTAMP)"),
            autoincrement=False,
            nullable=False,
        ),
        sa.Column("ModifiedBy", sa.String(length=50), autoincrement=False, nullable=True),
        sa.Column(
            "LastModDate",
            sa.DateTime(),
            server_default=sa.text("(CURRENT_TIMESTAMP)"),
            autoincrement=False,
            nullable=True,
        ),
        sa.PrimaryKeyConstraint("EducationID"),
        sqlite_autoincrement=True,
    )
    op.create_table(
        "m_beneficiaryincomestatus",
        sa.Column(
            "IncomeStatusID",
            sa.BigInteger().with_variant(sa.Integer(), "sqlite"),
            autoincrement=True,
            nullable=False,
        ),
        sa.Column("IncomeStatus", sa.String(length=10), autoincrement=False, nullable=True),
        sa.Column(
            "Deleted", sa.Boolean(), server_default=sa.text("0"), autoincrement=False, nullable=True
        ),
        sa.Column(
            "Processed",
            sa.String(length=4),
            server_default=sa.text("'N'"),
            autoincrement=False,
            nullable=False,
        ),
        sa.Column("CreatedBy", sa.String(length=50), autoincrement=False, nullable=False),
        sa.Column(
            "CreatedDate",
            sa.DateTime(),
            server_default=sa.text("(CURRENT_TIMESTAMP)"),
            autoincrement=False,
            nullable=False,
        ),
        sa.Column("ModifiedBy", sa.String(length=50), autoincrement=False, nullable=True),
        sa.Column(
            "LastModDate",
            sa.DateTime(),
            server_default=sa.text("(CURRENT_TIMESTAMP)"),
            autoincrement=False,
            nullable=True,
        ),
        sa.PrimaryKeyConstraint("IncomeStatusID"),
        sqlite_autoincrement=True,
    )
    op.create_table(
        "m_beneficiaryoccupation",
        sa.Column(
            "OccupationID",
            sa.BigInteger().with_variant(sa.Integer(), "sqlite"),
            autoincrement=True,
            nullable=False,
        ),
        sa.Column("OccupationType", sa.String(length=50), autoincrement=False, nullable=True),
        sa.Column("ProviderServiceMapID", sa.Integer(), autoincrement=False, nullable=True),
        sa.Column(
            "Deleted", sa.Boolean(), server_default=sa.text("0"), autoincrement=False, nullable=True
        ),
        sa.Column(
            "Processed",
            sa.String(length=4),
            server_default=sa.text("'N'"),
            autoincrement=False,
            nullable=False,
        ),
        sa.Column("CreatedBy", sa.String(length=50), autoincrement=False, nullable=False),
        sa.Column(
            "CreatedDate",
            sa.DateTime(),
            server_default=sa.text("(CURRENT_TIMESTAMP)"),
            autoincrement=False,
            nullable=False,
        ),
        sa.Column("ModifiedBy", sa.String(length=50), autoincrement=False, nullable=True),
        sa.Column(
            "LastModDate",
            sa.DateTime(),
            server_default=sa.text("(CURRENT_TIMESTAMP)"),
            autoincrement=False,
            nullable=True,
        ),
        sa.PrimaryKeyConstraint("OccupationID"),
        sqlite_autoincrement=True,
    )
    op.create_table(
        "m_beneficiaryregidmapping",
        sa.Column(
            "BenRegId",
            sa.BigInteger().with_variant(sa.Integer(), "sqlite"),
            autoincrement=True,
            nullable=False,
        ),
        sa.Column("BeneficiaryID", sa.BigInteger(), autoincrement=False, nullable=False),
        sa.Column(
            "Provisioned",
            sa.Boolean(),
            server_default=sa.text("0"),
            autoincrement=False,
            nullable=True,
        ),
        sa.Column("ProviderServiceMapID", sa.Integer(), autoincrement=False, nullable=True),
        sa.Column(
            "Deleted", sa.Boolean(), server_default=sa.text("0"), autoincrement=False, nullable=True
        ),
        sa.Column(
            "Processed",
            sa.String(length=4),
            server_default=sa.text("'N'"),
            autoincrement=False,
            nullable=False,
        ),
        sa.Column(
            "Reserved",
            sa.Boolean(),
            server_default=sa.text("0"),
            autoincrement=False,
            nullable=True,
        ),
        sa.Column("ReservedFor", sa.String(length=45), autoincrement=False, nullable=True),
        sa.Column("ReservedById", sa.Integer(), autoincrement=False, nullable=True),
        sa.Column("ReservedOn", sa.DateTime(), autoincrement=False, nullable=True),
        sa.Column(
            "CreatedDate",
            sa.DateTime(),
            server_default=sa.text("(CURRENT_TIMESTAMP)"),
            autoincrement=False,
            nullable=False,
        ),
        sa.Column("CreatedBy", sa.String(length=30), autoincrement=False, nullable=True),
        sa.Column("ModifiedBy", sa.String(length=50), autoincrement=False, nullable=True),
        sa.Column(
            "LastModDate",
            sa.DateTime(),
            server_default=sa.text("(CURRENT_TIMESTAMP)"),
            autoincrement=False,
            nullable=True,
        ),
        sa.Column("VanSerialNo", sa.BigInteger(), autoincrement=False, nullable=True),
        sa.Column("VanID", sa.Integer(), autoincrement=False, nullable=True),
        sa.Column("VehicalNo", sa.String(length=30), autoincrement=False, nullable=True),
        sa.Column("ParkingPlaceID", sa.Integer(), autoincrement=False, nullable=True),
        sa.Column("SyncedBy", sa.String(length=30), autoincrement=False, nullable=True),
        sa.Column("SyncedDate", sa.DateTime(), autoincrement=False, nullable=True),
        sa.Column("ReservedForChange", sa.String(length=30), autoincrement=False, nullable=True),
        sa.Column("StateID", sa.Integer(), autoincrement=False, nullable=True),
        sa.Column("SyncFailureReason", sa.String(length=500), autoincrement=False, nullable=True),
        sa.PrimaryKeyConstraint("BenRegId"),
        sqlite_autoincrement=True,
    )
    with op.batch_alter_table("m_beneficiaryregidmapping", schema=None) as batch_op:
        batch_op.create_index(
            "ix_m_beneficiaryregidmapping_Provisioned_Reserved",
            ["Provisioned", "Reserved"],
            unique=False,
        )
        batch_op.create_index(
            "ix_m_beneficiaryregidmapping_pending",
            ["BenRegId"],
            unique=False,
            sqlite_where=sa.text("Processed IS NOT 'P'"),
        )
        batch_op.create_index(
            "uq_m_beneficiaryregidmapping_BeneficiaryID_UNIQUE", ["BeneficiaryID"], unique=True
        )

    op.create_table(
        "m_bloodgroup",
        sa.Column(
            "BloodGroupID",
            sa.BigInteger().with_variant(sa.Integer(), "sqlite"),
            autoincrement=True,
            nullable=False,
        ),
        sa.Column("BloodGroup", sa.String(length=10), autoincrement=False, nullable=True),
        sa.Column("BloodGroupDesc", sa.String(length=50), autoincrement=False, nullable=True),
        sa.Column(
            "Deleted", sa.Boolean(), server_default=sa.text("0"), autoincrement=False, nullable=True
        ),
        sa.Column(
            "Processed",
            sa.String(length=4),
            server_default=sa.text("'N'"),
            autoincrement=False,
            nullable=False,
        ),
        sa.Column("CreatedBy", sa.String(length=50), autoincrement=False, nullable=False),
        sa.Column(
            "CreatedDate",
            sa.DateTime(),
            server_default=sa.text("(CURRENT_TIMESTAMP)"),
            autoincrement=False,
            nullable=False,
        ),
        sa.Column("ModifiedBy", sa.String(length=50), autoincrement=False, nullable=True),
        sa.Column(
            "LastModDate",
            sa.DateTime(),
            server_default=sa.text("(CURRENT_TIMESTAMP)"),
            autoincrement=False,
            nullable=True,
        ),
        sa.PrimaryKeyConstraint("BloodGroupID"),
        sqlite_autoincrement=True,
    )
    op.create_table(
        "m_chiefcomplaint",
        sa.Column(
            "ChiefComplaintID",
            sa.BigInteger().with_variant(sa.Integer(), "sqlite"),
            autoincrement=True,
            nullable=False,
        ),
        sa.Column("ChiefComplaint", sa.String(length=100), autoincrement=False, nullable=True),
        sa.Column("ChiefComplaintDesc", sa.String(length=100), autoincrement=False, nullable=True),
        sa.Column(
            "Deleted", sa.Boolean(), server_default=sa.text("0"), autoincrement=False, nullable=True
        ),
        sa.Column(
            "Processed",
            sa.String(length=4),
            server_default=sa.text("'N'"),
            autoincrement=False,
            nullable=False,
        ),
        sa.Column("CreatedBy", sa.String(length=50), autoincrement=False, nullable=False),
        sa.Column(
            "CreatedDate",
            sa.DateTime(),
            server_default=sa.text("(CURRENT_TIMESTAMP)"),
            autoincrement=False,
            nullable=False,
        ),
        sa.Column("ModifiedBy", sa.String(length=50), autoincrement=False, nullable=True),
        sa.Column(
            "LastModDate",
            sa.DateTime(),
            server_default=sa.text("(CURRENT_TIMESTAMP)"),
            autoincrement=False,
            nullable=True,
        ),
        sa.PrimaryKeyConstraint("ChiefComplaintID"),
        sqlite_autoincrement=True,
    )
    op.create_table(
        "m_community",
        sa.Column(
            "CommunityID",
            sa.BigInteger().with_variant(sa.Integer(), "sqlite"),
            autoincrement=True,
            nullable=False,
        ),
        sa.Column("CommunityType", sa.String(length=10), autoincrement=False, nullable=True),
        sa.Column("CommunityDesc", sa.String(length=20), autoincrement=False, nullable=True),
        sa.Column(
            "Deleted", sa.Boolean(), server_default=sa.text("0"), autoincrement=False, nullable=True
        ),
        sa.Column(
            "Processed",
            sa.String(length=4),
            server_default=sa.text("'N'"),
            autoincrement=False,
            nullable=False,
        ),
        sa.Column("CreatedBy", sa.String(length=50), autoincrement=False, nullable=False),
        sa.Column(
            "CreatedDate",
            sa.DateTime(),
            server_default=sa.text("(CURRENT_TIMESTAMP)"),
            autoincrement=False,
            nullable=False,
        ),
        sa.Column("ModifiedBy", sa.String(length=50), autoincrement=False, nullable=True),
        sa.Column(
            "LastModDate",
            sa.DateTime(),
            server_default=sa.text("(CURRENT_TIMESTAMP)"),
            autoincrement=False,
            nullable=True,
        ),
        sa.PrimaryKeyConstraint("CommunityID"),
        sqlite_autoincrement=True,
    )
    op.create_table(
        "m_country",
        sa.Column(
            "CountryID",
            sa.BigInteger().with_variant(sa.Integer(), "sqlite"),
            autoincrement=True,
            nullable=False,
        ),
        sa.Column("CountryName", sa.String(length=100), autoincrement=False, nullable=False),
        sa.Column("CountryCode", sa.String(length=4), autoincrement=False, nullable=True),
        sa.Column("Continent", sa.String(length=50), autoincrement=False, nullable=True),
        sa.Column(
            "Deleted", sa.Boolean(), server_default=sa.text("0"), autoincrement=False, nullable=True
        ),
        sa.Column(
            "Processed",
            sa.String(length=4),
            server_default=sa.text("'N'"),
            autoincrement=False,
            nullable=False,
        ),
        sa.Column("CreatedBy", sa.String(length=50), autoincrement=False, nullable=False),
        sa.Column(
            "CreatedDate",
            sa.DateTime(),
            server_default=sa.text("(CURRENT_TIMESTAMP)"),
            autoincrement=False,
            nullable=False,
        ),
        sa.Column("ModifiedBy", sa.String(length=50), autoincrement=False, nullable=True),
        sa.Column(
            "LastModDate",
            sa.DateTime(),
            server_default=sa.text("(CURRENT_TIMESTAMP)"),
            autoincrement=False,
            nullable=True,
        ),
        sa.PrimaryKeyConstraint("CountryID"),
        sqlite_autoincrement=True,
    )
    op.create_table(
        "m_district",
        sa.Column(
            "DistrictID",
            sa.BigInteger().with_variant(sa.Integer(), "sqlite"),
            autoincrement=True,
            nullable=False,
        ),
        sa.Column("DistrictName", sa.String(length=50), autoincrement=False, nullable=False),
        sa.Column("GovtDistrictID", sa.Integer(), autoincrement=False, nullable=True),
        sa.Column("GovtStateID", sa.Integer(), autoincrement=False, nullable=True),
        sa.Column("StateID", sa.Integer(), autoincrement=False, nullable=True),
        sa.Column(
            "Deleted", sa.Boolean(), server_default=sa.text("0"), autoincrement=False, nullable=True
        ),
        sa.Column(
            "Processed",
            sa.String(length=4),
            server_default=sa.text("'N'"),
            autoincrement=False,
            nullable=False,
        ),
        sa.Column(
            "CreatedBy",
            sa.String(length=50),
            server_default=sa.text("'Admin'"),
            autoincrement=False,
            nullable=False,
        ),
        sa.Column(
            "CreatedDate",
            sa.DateTime(),
            server_default=sa.text("(CURRENT_TIMESTAMP)"),
            autoincrement=False,
            nullable=False,
        ),
        sa.Column("ModifiedBy", sa.String(length=50), autoincrement=False, nullable=True),
        sa.Column(
            "LastModDate",
            sa.DateTime(),
            server_default=sa.text("(CURRENT_TIMESTAMP)"),
            autoincrement=False,
            nullable=True,
        ),
        sa.PrimaryKeyConstraint("DistrictID"),
        sqlite_autoincrement=True,
    )
    op.create_table(
        "m_districtblock",
        sa.Column(
            "BlockID",
            sa.BigInteger().with_variant(sa.Integer(), "sqlite"),
            autoincrement=True,
            nullable=False,
        ),
        sa.Column("DistrictID", sa.Integer(), autoincrement=False, nullable=True),
        sa.Column("BlockName", sa.String(length=50), autoincrement=False, nullable=False),
        sa.Column("GovSubDistrictID", sa.Integer(), autoincrement=False, nullable=True),
        sa.Column("GovDistrictID", sa.Integer(), autoincrement=False, nullable=True),
        sa.Column("StateID", sa.Integer(), autoincrement=False, nullable=True),
        sa.Column(
            "Deleted", sa.Boolean(), server_default=sa.text("0"), autoincrement=False, nullable=True
        ),
        sa.Column(
            "Processed",
            sa.String(length=4),
            server_default=sa.text("'N'"),
            autoincrement=False,
            nullable=False,
        ),
        sa.Column(
            "CreatedBy",
            sa.String(length=50),
            server_default=sa.text("'Admin'"),
            autoincrement=False,
            nullable=False,
        ),
        sa.Column(
            "CreatedDate",
            sa.DateTime(),
            server_default=sa.text("(CURRENT_TIMESTAMP)"),
            autoincrement=False,
            nullable=False,
        ),
        sa.Column("ModifiedBy", sa.String(length=50), autoincrement=False, nullable=True),
        sa.Column(
            "LastModDate",
            sa.DateTime(),
            server_default=sa.text("(CURRENT_TIMESTAMP)"),
            autoincrement=False,
            nullable=True,
        ),
        sa.PrimaryKeyConstraint("BlockID"),
        sqlite_autoincrement=True,
    )
    op.create_table(
        "m_districtbranchmapping",
        sa.Column(
            "DistrictBranchID",
            sa.BigInteger().with_variant(sa.Integer(), "sqlite"),
            autoincrement=True,
            nullable=False,
        ),
        sa.Column("BlockID", sa.Integer(), autoincrement=False, nullable=True),
        sa.Column("PanchayatName", sa.String(length=30), autoincrement=False, nullable=True),
        sa.Column("VillageName", sa.String(length=100), autoincrement=False, nullable=True),
        sa.Column("Habitat", sa.String(length=30), autoincrement=False, nullable=True),
        sa.Column("PinCode", sa.String(length=10), autoincrement=False, nullable=True),
        sa.Column("GovVillageID", sa.Integer(), autoincrement=False, nullable=True),
        sa.Column("GovSubDistrictID", sa.Integer(), autoincrement=False, nullable=True),
        sa.Column("Isrural", sa.Boolean(), autoincrement=False, nullable=True),
        sa.Column(
            "Deleted", sa.Boolean(), server_default=sa.text("0"), autoincrement=False, nullable=True
        ),
        sa.Column(
            "Processed",
            sa.String(length=4),
            server_default=sa.text("'N'"),
            autoincrement=False,
            nullable=False,
        ),
        sa.Column(
            "CreatedBy",
            sa.String(length=50),
            server_default=sa.text("'Admin'"),
            autoincrement=False,
            nullable=False,
        ),
        sa.Column(
            "CreatedDate",
            sa.DateTime(),
            server_default=sa.text("(CURRENT_TIMESTAMP)"),
            autoincrement=False,
            nullable=False,
        ),
        sa.Column("ModifiedBy", sa.String(length=50), autoincrement=False, nullable=True),
        sa.Column(
            "LastModDate",
            sa.DateTime(),
            server_default=sa.text("(CURRENT_TIMESTAMP)"),
            autoincrement=False,
            nullable=True,
        ),
        sa.Column("latitude", sa.Float(), autoincrement=False, nullable=True),
        sa.Column("longitude", sa.Float(), autoincrement=False, nullable=True),
        sa.Column("active", sa.Boolean(), autoincrement=False, nullable=True),
        sa.Column("address", sa.String(length=250), autoincrement=False, nullable=True),
        sa.Column("loginDistance", sa.Integer(), autoincrement=False, nullable=True),
        sa.PrimaryKeyConstraint("DistrictBranchID"),
        sqlite_autoincrement=True,
    )
    op.create_table(
        "m_downloadmastertable",
        sa.Column(
            "DownloadMasterTableID",
            sa.BigInteger().with_variant(sa.Integer(), "sqlite"),
            autoincrement=True,
            nullable=False,
        ),
        sa.Column("SchemaName", sa.String(length=50), autoincrement=False, nullable=True),
        sa.Column("TableName", sa.String(length=50), autoincrement=False, nullable=True),
        sa.Column("ServerColumnName", sa.Text(), autoincrement=False, nullable=True),
        sa.Column("VanColumnName", sa.Text(), autoincrement=False, nullable=True),
        sa.Column("AutoIncColumnName", sa.String(length=50), autoincrement=False, nullable=True),
        sa.Column("MasterType", sa.String(length=50), autoincrement=False, nullable=True),
        sa.Column("LastDownloadDate", sa.DateTime(), autoincrement=False, nullable=True),
        sa.Column(
            "Deleted", sa.Boolean(), server_default=sa.text("0"), autoincrement=False, nullable=True
        ),
        sa.Column(
            "Processed",
            sa.String(length=4),
            server_default=sa.text("'N'"),
            autoincrement=False,
            nullable=False,
        ),
        sa.Column("CreatedBy", sa.String(length=50), autoincrement=False, nullable=False),
        sa.Column(
            "CreatedDate",
            sa.DateTime(),
            server_default=sa.text("(CURRENT_TIMESTAMP)"),
            autoincrement=False,
            nullable=False,
        ),
        sa.Column("ModifiedBy", sa.String(length=50), autoincrement=False, nullable=True),
        sa.Column(
            "LastModDate",
            sa.DateTime(),
            server_default=sa.text("(CURRENT_TIMESTAMP)"),
            autoincrement=False,
            nullable=True,
        ),
        sa.PrimaryKeyConstraint("DownloadMasterTableID"),
        sqlite_autoincrement=True,
    )
    op.create_table(
        "m_drugdose",
        sa.Column(
            "DrugDoseID",
            sa.BigInteger().with_variant(sa.Integer(), "sqlite"),
            autoincrement=True,
            nullable=False,
        ),
        sa.Column("DrugDose", sa.String(length=30), autoincrement=False, nullable=True),
        sa.Column("DrugDoseDesc", sa.String(length=50), autoincrement=False, nullable=True),
        sa.Column("ItemFormID", sa.Integer(), autoincrement=False, nullable=True),
        sa.Column(
            "Deleted", sa.Boolean(), server_default=sa.text("0"), autoincrement=False, nullable=True
        ),
        sa.Column(
            "Processed",
            sa.String(length=4),
            server_default=sa.text("'N'"),
            autoincrement=False,
            nullable=False,
        ),
        sa.Column("CreatedBy", sa.String(length=50), autoincrement=False, nullable=False),
        sa.Column(
            "CreatedDate",
            sa.DateTime(),
            server_default=sa.text("(CURRENT_TIMESTAMP)"),
            autoincrement=False,
            nullable=False,
        ),
        sa.Column("ModifiedBy", sa.String(length=50), autoincrement=False, nullable=True),
        sa.Column(
            "LastModDate",
            sa.DateTime(),
            server_default=sa.text("(CURRENT_TIMESTAMP)"),
            autoincrement=False,
            nullable=True,
        ),
        sa.PrimaryKeyConstraint("DrugDoseID"),
        sqlite_autoincrement=True,
    )
    op.create_table(
        "m_drugduration",
        sa.Column(
            "DrugDurationID",
            sa.BigInteger().with_variant(sa.Integer(), "sqlite"),
            autoincrement=True,
            nullable=False,
        ),
        sa.Column("DrugDuration", sa.String(length=30), autoincrement=False, nullable=True),
        sa.Column("DrugDurationDesc", sa.String(length=50), autoincrement=False, nullable=True),
        sa.Column(
            "Deleted", sa.Boolean(), server_default=sa.text("0"), autoincrement=False, nullable=True
        ),
        sa.Column(
            "Processed",
            sa.String(length=4),
            server_default=sa.text("'N'"),
            autoincrement=False,
            nullable=False,
        ),
        sa.Column("CreatedBy", sa.String(length=50), autoincrement=False, nullable=False),
        sa.Column(
            "CreatedDate",
            sa.DateTime(),
            server_default=sa.text("(CURRENT_TIMESTAMP)"),
            autoincrement=False,
            nullable=False,
        ),
        sa.Column("ModifiedBy", sa.String(length=50), autoincrement=False, nullable=True),
        sa.Column(
            "LastModDate",
            sa.DateTime(),
            server_default=sa.text("(CURRENT_TIMESTAMP)"),
            autoincrement=False,
            nullable=True,
        ),
        sa.PrimaryKeyConstraint("DrugDurationID"),
        sqlite_autoincrement=True,
    )
    op.create_table(
        "m_drugform",
        sa.Column(
            "DrugFormID",
            sa.BigInteger().with_variant(sa.Integer(), "sqlite"),
            autoincrement=True,
            nullable=False,
        ),
        sa.Column("DrugForm", sa.String(length=30), autoincrement=False, nullable=True),
        sa.Column("DrugFormDecs", sa.String(length=50), autoincrement=False, nullable=True),
        sa.Column(
            "Deleted", sa.Boolean(), server_default=sa.text("0"), autoincrement=False, nullable=True
        ),
        sa.Column(
            "Processed",
            sa.String(length=4),
            server_default=sa.text("'N'"),
            autoincrement=False,
            nullable=False,
        ),
        sa.Column("CreatedBy", sa.String(length=50), autoincrement=False, nullable=False),
        sa.Column(
            "CreatedDate",
            sa.DateTime(),
            server_default=sa.text("(CURRENT_TIMESTAMP)"),
            autoincrement=False,
            nullable=False,
        ),
        sa.Column("ModifiedBy", sa.String(length=50), autoincrement=False, nullable=True),
        sa.Column(
            "LastModDate",
            sa.DateTime(),
            server_default=sa.text("(CURRENT_TIMESTAMP)"),
            autoincrement=False,
            nullable=True,
        ),
        sa.PrimaryKeyConstraint("DrugFormID"),
        sqlite_autoincrement=True,
    )
    op.create_table(
        "m_drugfrequency",
        sa.Column(
            "DrugFrequencyID",
            sa.BigInteger().with_variant(sa.Integer(), "sqlite"),
            autoincrement=True,
            nullable=False,
        ),
        sa.Column("Frequency", sa.String(length=30), autoincrement=False, nullable=True),
        sa.Column("FrequencyDesc", sa.String(length=50), autoincrement=False, nullable=True),
        sa.Column(
            "Deleted", sa.Boolean(), server_default=sa.text("0"), autoincrement=False, nullable=True
        ),
        sa.Column(
            "Processed",
            sa.String(length=4),
            server_default=sa.text("'N'"),
            autoincrement=False,
            nullable=False,
        ),
        sa.Column("CreatedBy", sa.String(length=50), autoincrement=False, nullable=False),
        sa.Column(
            "CreatedDate",
            sa.DateTime(),
            server_default=sa.text("(CURRENT_TIMESTAMP)"),
            autoincrement=False,
            nullable=False,
        ),
        sa.Column("ModifiedBy", sa.String(length=50), autoincrement=False, nullable=True),
        sa.Column(
            "LastModDate",
            sa.DateTime(),
            server_default=sa.text("(CURRENT_TIMESTAMP)"),
            autoincrement=False,
            nullable=True,
        ),
        sa.PrimaryKeyConstraint("DrugFrequencyID"),
        sqlite_autoincrement=True,
    )
    op.create_table(
        "m_drugroute",
        sa.Column(
            "DrugRouteID",
            sa.BigInteger().with_variant(sa.Integer(), "sqlite"),
            autoincrement=True,
            nullable=False,
        ),
        sa.Column("DrugRoute", sa.String(length=30), autoincrement=False, nullable=True),
        sa.Column("DrugRouteDesc", sa.String(length=50), autoincrement=False, nullable=True),
        sa.Column(
            "Deleted", sa.Boolean(), server_default=sa.text("0"), autoincrement=False, nullable=True
        ),
        sa.Column(
            "Processed",
            sa.String(length=4),
            server_default=sa.text("'N'"),
            autoincrement=False,
            nullable=False,
        ),
        sa.Column("CreatedBy", sa.String(length=50), autoincrement=False, nullable=False),
        sa.Column(
            "CreatedDate",
            sa.DateTime(),
            server_default=sa.text("(CURRENT_TIMESTAMP)"),
            autoincrement=False,
            nullable=False,
        ),
        sa.Column("ModifiedBy", sa.String(length=50), autoincrement=False, nullable=True),
        sa.Column(
            "LastModDate",
            sa.DateTime(),
            server_default=sa.text("(CURRENT_TIMESTAMP)"),
            autoincrement=False,
            nullable=True,
        ),
        sa.PrimaryKeyConstraint("DrugRouteID"),
        sqlite_autoincrement=True,
    )
    op.create_table(
        "m_facility",
        sa.Column(
            "FacilityID",
            sa.BigInteger().with_variant(sa.Integer(), "sqlite"),
            autoincrement=True,
            nullable=False,
        ),
        sa.Column("FacilityName", sa.String(length=100), autoincrement=False, nullable=True),
        sa.Column("FacilityDesc", sa.String(length=100), autoincrement=False, nullable=True),
        sa.Column("FacilityCode", sa.String(length=20), autoincrement=False, nullable=True),
        sa.Column("FacilityTypeID", sa.Integer(), autoincrement=False, nullable=True),
        sa.Column("Location", sa.String(length=100), autoincrement=False, nullable=True),
        sa.Column("PhysicalLocation", sa.String(length=100), autoincrement=False, nullable=True),
        sa.Column("StoreType", sa.String(length=50), autoincrement=False, nullable=True),
        sa.Column("Status", sa.String(length=10), autoincrement=False, nullable=True),
        sa.Column("ProviderServiceMapID", sa.Integer(), autoincrement=False, nullable=True),
        sa.Column("IsMainFacility", sa.Boolean(), autoincrement=False, nullable=True),
        sa.Column("MainFacilityID", sa.Integer(), autoincrement=False, nullable=True),
        sa.Column(
            "Deleted", sa.Boolean(), server_default=sa.text("0"), autoincrement=False, nullable=True
        ),
        sa.Column(
            "Processed",
            sa.String(length=4),
            server_default=sa.text("'N'"),
            autoincrement=False,
            nullable=False,
        ),
        sa.Column("CreatedBy", sa.String(length=50), autoincrement=False, nullable=False),
        sa.Column(
            "CreatedDate",
            sa.DateTime(),
            server_default=sa.text("(CURRENT_TIMESTAMP)"),
            autoincrement=False,
            nullable=False,
        ),
        sa.Column("ModifiedBy", sa.String(length=50), autoincrement=False, nullable=True),
        sa.Column(
            "LastModDate",
            sa.DateTime(),
            server_default=sa.text("(CURRENT_TIMESTAMP)"),
            autoincrement=False,
            nullable=True,
        ),
        sa.Column("eaushadi_facilityid", sa.Integer(), autoincrement=False, nullable=True),
        sa.Column("eaushada_facilityid", sa.String(length=20), autoincrement=False, nullable=True),
        sa.PrimaryKeyConstraint("FacilityID"),
        sqlite_autoincrement=True,
    )
    op.create_table(
        "m_gender",
        sa.Column(
            "GenderID",
            sa.BigInteger().with_variant(sa.Integer(), "sqlite"),
            autoincrement=True,
            nullable=False,
        ),
        sa.Column("GenderName", sa.String(length=15), autoincrement=False, nullable=False),
        sa.Column(
            "Deleted", sa.Boolean(), server_default=sa.text("0"), autoincrement=False, nullable=True
        ),
        sa.Column(
            "Processed",
            sa.String(length=4),
            server_default=sa.text("'N'"),
            autoincrement=False,
            nullable=False,
        ),
        sa.Column("CreatedBy", sa.String(length=50), autoincrement=False, nullable=False),
        sa.Column(
            "CreatedDate",
            sa.DateTime(),
            server_default=sa.text("(CURRENT_TIMESTAMP)"),
            autoincrement=False,
            nullable=False,
        ),
        sa.Column("ModifiedBy", sa.String(length=50), autoincrement=False, nullable=True),
        sa.Column(
            "LastModDate",
            sa.DateTime(),
            server_default=sa.text("(CURRENT_TIMESTAMP)"),
            autoincrement=False,
            nullable=True,
        ),
        sa.PrimaryKeyConstraint("GenderID"),
        sqlite_autoincrement=True,
    )
    op.create_table(
        "m_govtidentitytype",
        sa.Column(
            "GovtIdentityTypeID",
            sa.BigInteger().with_variant(sa.Integer(), "sqlite"),
            autoincrement=True,
            nullable=False,
        ),
        sa.Column("IdentityType", sa.String(length=50), autoincrement=False, nullable=True),
        sa.Column("IsGovtID", sa.Boolean(), autoincrement=False, nullable=True),
        sa.Column(
            "Deleted", sa.Boolean(), server_default=sa.text("0"), autoincrement=False, nullable=True
        ),
        sa.Column(
            "Processed",
            sa.String(length=4),
            server_default=sa.text("'N'"),
            autoincrement=False,
            nullable=False,
        ),
        sa.Column("CreatedBy", sa.String(length=50), autoincrement=False, nullable=False),
        sa.Column(
            "CreatedDate",
            sa.DateTime(),
            server_default=sa.text("(CURRENT_TIMESTAMP)"),
            autoincrement=False,
            nullable=False,
        ),
        sa.Column("ModifiedBy", sa.String(length=50), autoincrement=False, nullable=True),
        sa.Column(
            "LastModDate",
            sa.DateTime(),
            server_default=sa.text("(CURRENT_TIMESTAMP)"),
            autoincrement=False,
            nullable=True,
        ),
        sa.PrimaryKeyConstraint("GovtIdentityTypeID"),
        sqlite_autoincrement=True,
    )
    op.create_table(
        "m_institution",
        sa.Column(
            "InstitutionID",
            sa.BigInteger().with_variant(sa.Integer(), "sqlite"),
            autoincrement=True,
            nullable=False,
        ),
        sa.Column("GovtInstituteID", sa.String(length=20), autoincrement=False, nullable=True),
        sa.Column("InstitutionName", sa.String(length=100), autoincrement=False, nullable=True),
        sa.Column("StateID", sa.Integer(), autoincrement=False, nullable=True),
        sa.Column("DistrictID", sa.Integer(), autoincrement=False, nullable=True),
        sa.Column("BlockID", sa.Integer(), autoincrement=False, nullable=True),
        sa.Column("DistrictBranchMappingID", sa.Integer(), autoincrement=False, nullable=True),
        sa.Column("Address", sa.String(length=300), autoincrement=False, nullable=True),
        sa.Column("ContactPerson1", sa.String(length=50), autoincrement=False, nullable=True),
        sa.Column("ContactPerson1_Email", sa.String(length=30), autoincrement=False, nullable=True),
        sa.Column("ContactNo1", sa.String(length=15), autoincrement=False, nullable=True),
        sa.Column("ContactPerson2", sa.String(length=50), autoincrement=False, nullable=True),
        sa.Column("ContactPerson2_Email", sa.String(length=30), autoincrement=False, nullable=True),
        sa.Column("ContactNo2", sa.String(length=15), autoincrement=False, nullable=True),
        sa.Column("ContactPerson3", sa.String(length=50), autoincrement=False, nullable=True),
        sa.Column("ContactPerson3_Email", sa.String(length=30), autoincrement=False, nullable=True),
        sa.Column("ContactNo3", sa.String(length=15), autoincrement=False, nullable=True),
        sa.Column("Website", sa.String(length=100), autoincrement=False, nullable=True),
        sa.Column("ProviderServiceMapID", sa.Integer(), autoincrement=False, nullable=True),
        sa.Column(
            "Deleted", sa.Boolean(), server_default=sa.text("0"), autoincrement=False, nullable=True
        ),
        sa.Column(
            "Processed",
            sa.String(length=4),
            server_default=sa.text("'N'"),
            autoincrement=False,
            nullable=False,
        ),
        sa.Column("CreatedBy", sa.String(length=50), autoincrement=False, nullable=False),
        sa.Column(
            "CreatedDate",
            sa.DateTime(),
            server_default=sa.text("(CURRENT_TIMESTAMP)"),
            autoincrement=False,
            nullable=False,
        ),
        sa.Column("ModifiedBy", sa.String(length=50), autoincrement=False, nullable=True),
        sa.Column(
            "LastModDate",
            sa.DateTime(),
            server_default=sa.text("(CURRENT_TIMESTAMP)"),
            autoincrement=False,
            nullable=True,
        ),
        sa.Column("villageid", sa.Integer(), autoincrement=False, nullable=True),
        sa.Column("InstituteTypeId", sa.Integer(), autoincrement=False, nullable=True),
        sa.PrimaryKeyConstraint("InstitutionID"),
        sqlite_autoincrement=True,
    )
    op.create_table(
        "m_item",
        sa.Column(
            "ItemID",
            sa.BigInteger().with_variant(sa.Integer(), "sqlite"),
            autoincrement=True,
            nullable=False,
        ),
        sa.Column("ItemName", sa.String(length=100), autoincrement=False, nullable=True),
        sa.Column("ItemDesc", sa.String(length=100), autoincrement=False, nullable=True),
        sa.Column("ItemCode", sa.String(length=20), autoincrement=False, nullable=True),
        sa.Column("ItemCategoryID", sa.Integer(), autoincrement=False, nullable=True),
        sa.Column("IsMedical", sa.Boolean(), autoincrement=False, nullable=True),
        sa.Column("ItemFormID", sa.Integer(), autoincrement=False, nullable=True),
        sa.Column("PharmacologyCategoryID", sa.Integer(), autoincrement=False, nullable=True),
        sa.Column("ManufacturerID", sa.Integer(), autoincrement=False, nullable=True),
        sa.Column("Strength", sa.String(length=10), autoincrement=False, nullable=True),
        sa.Column("UOMID", sa.Integer(), autoincrement=False, nullable=True),
        sa.Column("IsScheduledDrug", sa.Boolean(), autoincrement=False, nullable=True),
        sa.Column("Composition", sa.String(length=300), autoincrement=False, nullable=True),
        sa.Column("ExpiryDate", sa.DateTime(), autoincrement=False, nullable=True),
        sa.Column("Max_Stock", sa.Integer(), autoincrement=False, nullable=True),
        sa.Column("Min_Stock", sa.Integer(), autoincrement=False, nullable=True),
        sa.Column("RouteID", sa.Integer(), autoincrement=False, nullable=True),
        sa.Column("ProviderServiceMapID", sa.Integer(), autoincrement=False, nullable=True),
        sa.Column("Status", sa.String(length=10), autoincrement=False, nullable=True),
        sa.Column(
            "Discontinued",
            sa.Boolean(),
            server_default=sa.text("0"),
            autoincrement=False,
            nullable=True,
        ),
        sa.Column("Sctcode", sa.String(length=30), autoincrement=False, nullable=True),
        sa.Column("SctTerm", sa.String(length=500), autoincrement=False, nullable=True),
        sa.Column(
            "Deleted", sa.Boolean(), server_default=sa.text("0"), autoincrement=False, nullable=True
        ),
        sa.Column(
            "Processed",
            sa.String(length=4),
            server_default=sa.text("'N'"),
            autoincrement=False,
            nullable=False,
        ),
        sa.Column("CreatedBy", sa.String(length=50), autoincrement=False, nullable=False),
        sa.Column(
            "CreatedDate",
            sa.DateTime(),
            server_default=sa.text("(CURRENT_TIMESTAMP)"),
            autoincrement=False,
            nullable=False,
        ),
        sa.Column("ModifiedBy", sa.String(length=50), autoincrement=False, nullable=True),
        sa.Column(
            "LastModDate",
            sa.DateTime(),
            server_default=sa.text("(CURRENT_TIMESTAMP)"),
            autoincrement=False,
            nullable=True,
        ),
        sa.Column("isEDL", sa.Boolean(), autoincrement=False, nullable=True),
        sa.Column("isEaushadi", sa.Boolean(), autoincrement=False, nullable=True),
        sa.PrimaryKeyConstraint("ItemID"),
        sqlite_autoincrement=True,
    )
    op.create_table(
        "m_itemform",
        sa.Column(
            "ItemFormID",
            sa.BigInteger().with_variant(sa.Integer(), "sqlite"),
            autoincrement=True,
            nullable=False,
        ),
        sa.Column("ItemFormName", sa.String(length=100), autoincrement=False, nullable=True),
        sa.Column("ItemFormDesc", sa.String(length=100), autoincrement=False, nullable=True),
        sa.Column("ItemFormCode", sa.String(length=100), autoincrement=False, nullable=True),
        sa.Column("Status", sa.String(length=10), autoincrement=False, nullable=True),
        sa.Column("ProviderServiceMapID", sa.Integer(), autoincrement=False, nullable=True),
        sa.Column(
            "Deleted", sa.Boolean(), server_default=sa.text("0"), autoincrement=False, nullable=True
        ),
        sa.Column(
            "Processed",
            sa.String(length=4),
            server_default=sa.text("'N'"),
            autoincrement=False,
            nullable=False,
        ),
        sa.Column("CreatedBy", sa.String(length=50), autoincrement=False, nullable=False),
        sa.Column(
            "CreatedDate",
            sa.DateTime(),
            server_default=sa.text("(CURRENT_TIMESTAMP)"),
            autoincrement=False,
            nullable=False,
        ),
        sa.Column("ModifiedBy", sa.String(length=50), autoincrement=False, nullable=True),
        sa.Column(
            "LastModDate",
            sa.DateTime(),
            server_default=sa.text("(CURRENT_TIMESTAMP)"),
            autoincrement=False,
            nullable=True,
        ),
        sa.PrimaryKeyConstraint("ItemFormID"),
        sqlite_autoincrement=True,
    )
    op.create_table(
        "m_language",
        sa.Column(
            "LanguageID",
            sa.BigInteger().with_variant(sa.Integer(), "sqlite"),
            autoincrement=True,
            nullable=False,
        ),
        sa.Column("LanguageName", sa.String(length=15), autoincrement=False, nullable=True),
        sa.Column("LanguageDesc", sa.String(length=50), autoincrement=False, nullable=True),
        sa.Column("PropertyFilePath", sa.String(length=100), autoincrement=False, nullable=True),
        sa.Column("IVRFilePath", sa.String(length=100), autoincrement=False, nullable=True),
        sa.Column(
            "Deleted", sa.Boolean(), server_default=sa.text("0"), autoincrement=False, nullable=True
        ),
        sa.Column(
            "Processed",
            sa.String(length=4),
            server_default=sa.text("'N'"),
            autoincrement=False,
            nullable=False,
        ),
        sa.Column("CreatedBy", sa.String(length=50), autoincrement=False, nullable=False),
        sa.Column(
            "CreatedDate",
            sa.DateTime(),
            server_default=sa.text("(CURRENT_TIMESTAMP)"),
            autoincrement=False,
            nullable=False,
        ),
        sa.Column("ModifiedBy", sa.String(length=50), autoincrement=False, nullable=True),
        sa.Column(
            "LastModDate",
            sa.DateTime(),
            server_default=sa.text("(CURRENT_TIMESTAMP)"),
            autoincrement=False,
            nullable=True,
        ),
        sa.PrimaryKeyConstraint("LanguageID"),
        sqlite_autoincrement=True,
    )
    op.create_table(
        "m_literacystatus",
        sa.Column(
            "LiteracystatusID",
            sa.BigInteger().with_variant(sa.Integer(), "sqlite"),
            autoincrement=True,
            nullable=False,
        ),
        sa.Column("Literacystatus", sa.String(length=50), autoincrement=False, nullable=True),
        sa.Column(
            "Deleted", sa.Boolean(), server_default=sa.text("0"), autoincrement=False, nullable=True
        ),
        sa.Column(
            "Processed",
            sa.String(length=4),
            server_default=sa.text("'N'"),
            autoincrement=False,
            nullable=False,
        ),
        sa.Column("CreatedBy", sa.String(length=50), autoincrement=False, nullable=False),
        sa.Column(
            "CreatedDate",
            sa.DateTime(),
            server_default=sa.text("(CURRENT_TIMESTAMP)"),
            autoincrement=False,
            nullable=False,
        ),
        sa.Column("ModifiedBy", sa.String(length=50), autoincrement=False, nullable=True),
        sa.Column(
            "LastModDate",
            sa.DateTime(),
            server_default=sa.text("(CURRENT_TIMESTAMP)"),
            autoincrement=False,
            nullable=True,
        ),
        sa.PrimaryKeyConstraint("LiteracystatusID"),
        sqlite_autoincrement=True,
    )
    op.create_table(
        "m_maritalstatus",
        sa.Column(
            "MaritalStatusID",
            sa.BigInteger().with_variant(sa.Integer(), "sqlite"),
            autoincrement=True,
            nullable=False,
        ),
        sa.Column("Status", sa.String(length=15), autoincrement=False, nullable=True),
        sa.Column("StatusDesc", sa.String(length=30), autoincrement=False, nullable=True),
        sa.Column(
            "Deleted", sa.Boolean(), server_default=sa.text("0"), autoincrement=False, nullable=True
        ),
        sa.Column(
            "Processed",
            sa.String(length=4),
            server_default=sa.text("'N'"),
            autoincrement=False,
            nullable=False,
        ),
        sa.Column("CreatedBy", sa.String(length=50), autoincrement=False, nullable=False),
        sa.Column(
            "CreatedDate",
            sa.DateTime(),
            server_default=sa.text("(CURRENT_TIMESTAMP)"),
            autoincrement=False,
            nullable=False,
        ),
        sa.Column("ModifiedBy", sa.String(length=50), autoincrement=False, nullable=True),
        sa.Column(
            "LastModDate",
            sa.DateTime(),
            server_default=sa.text("(CURRENT_TIMESTAMP)"),
            autoincrement=False,
            nullable=True,
        ),
        sa.PrimaryKeyConstraint("MaritalStatusID"),
        sqlite_autoincrement=True,
    )
    op.create_table(
        "m_parkingplace",
        sa.Column(
            "ParkingPlaceID",
            sa.BigInteger().with_variant(sa.Integer(), "sqlite"),
            autoincrement=True,
            nullable=False,
        ),
        sa.Column("ParkingPlaceName", sa.String(length=50), autoincrement=False, nullable=True),
        sa.Column("ParkingPlaceDesc", sa.String(length=100), autoincrement=False, nullable=True),
        sa.Column("ProviderServiceMapID", sa.Integer(), autoincrement=False, nullable=True),
        sa.Column("CountryID", sa.Integer(), autoincrement=False, nullable=True),
        sa.Column("StateID", sa.Integer(), autoincrement=False, nullable=True),
        sa.Column("DistrictID", sa.Integer(), autoincrement=False, nullable=True),
        sa.Column("DistrictBlockID", sa.Integer(), autoincrement=False, nullable=True),
        sa.Column("DistrictBranchID", sa.Integer(), autoincrement=False, nullable=True),
        sa.Column("AreaHQAddress", sa.String(length=300), autoincrement=False, nullable=True),
        sa.Column("IsFacility", sa.Boolean(), autoincrement=False, nullable=True),
        sa.Column("FacilityID", sa.Integer(), autoincrement=False, nullable=True),
        sa.Column("ZoneID", sa.Integer(), autoincrement=False, nullable=True),
        sa.Column(
            "Deleted", sa.Boolean(), server_default=sa.text("0"), autoincrement=False, nullable=True
        ),
        sa.Column(
            "Processed",
            sa.String(length=4),
            server_default=sa.text("'N'"),
            autoincrement=False,
            nullable=False,
        ),
        sa.Column("CreatedBy", sa.String(length=50), autoincrement=False, nullable=False),
        sa.Column(
            "CreatedDate",
            sa.DateTime(),
            server_default=sa.text("(CURRENT_TIMESTAMP)"),
            autoincrement=False,
            nullable=False,
        ),
        sa.Column("ModifiedBy", sa.String(length=50), autoincrement=False, nullable=True),
        sa.Column(
            "LastModDate",
            sa.DateTime(),
            server_default=sa.text("(CURRENT_TIMESTAMP)"),
            autoincrement=False,
            nullable=True,
        ),
        sa.PrimaryKeyConstraint("ParkingPlaceID"),
        sqlite_autoincrement=True,
    )
    with op.batch_alter_table("m_parkingplace", schema=None) as batch_op:
        batch_op.create_index("uq_m_parkingplace_FacilityID_UNIQUE", ["FacilityID"], unique=True)

    op.create_table(
        "m_phonetype",
        sa.Column(
            "PhoneTypeID",
            sa.BigInteger().with_variant(sa.Integer(), "sqlite"),
            autoincrement=True,
            nullable=False,
        ),
        sa.Column("PhoneType", sa.String(length=20), autoincrement=False, nullable=True),
        sa.Column(
            "Deleted", sa.Boolean(), server_default=sa.text("0"), autoincrement=False, nullable=True
        ),
        sa.Column(
            "Processed",
            sa.String(length=4),
            server_default=sa.text("'N'"),
            autoincrement=False,
            nullable=False,
        ),
        sa.Column("CreatedBy", sa.String(length=50), autoincrement=False, nullable=False),
        sa.Column(
            "CreatedDate",
            sa.DateTime(),
            server_default=sa.text("(CURRENT_TIMESTAMP)"),
            autoincrement=False,
            nullable=False,
        ),
        sa.Column("ModifiedBy", sa.String(length=50), autoincrement=False, nullable=True),
        sa.Column(
            "LastModDate",
            sa.DateTime(),
            server_default=sa.text("(CURRENT_TIMESTAMP)"),
            autoincrement=False,
            nullable=True,
        ),
        sa.PrimaryKeyConstraint("PhoneTypeID"),
        sqlite_autoincrement=True,
    )
    op.create_table(
        "m_procedure",
        sa.Column(
            "ProcedureID",
            sa.BigInteger().with_variant(sa.Integer(), "sqlite"),
            autoincrement=True,
            nullable=False,
        ),
        sa.Column("ProcedureName", sa.String(length=100), autoincrement=False, nullable=True),
        sa.Column("ProcedureDesc", sa.String(length=100), autoincrement=False, nullable=True),
        sa.Column("ProcedureType", sa.String(length=30), autoincrement=False, nullable=True),
        sa.Column("Gender", sa.String(length=10), autoincrement=False, nullable=True),
        sa.Column("IOTProcedureID", sa.Integer(), autoincrement=False, nullable=True),
        sa.Column("isMandatory", sa.Boolean(), autoincrement=False, nullable=True),
        sa.Column("isCalibration", sa.Boolean(), autoincrement=False, nullable=True),
        sa.Column("ProviderServiceMapID", sa.Integer(), autoincrement=False, nullable=True),
        sa.Column(
            "Deleted", sa.Boolean(), server_default=sa.text("0"), autoincrement=False, nullable=True
        ),
        sa.Column(
            "Processed",
            sa.String(length=4),
            server_default=sa.text("'N'"),
            autoincrement=False,
            nullable=False,
        ),
        sa.Column("CreatedBy", sa.String(length=50), autoincrement=False, nullable=False),
        sa.Column(
            "CreatedDate",
            sa.DateTime(),
            server_default=sa.text("(CURRENT_TIMESTAMP)"),
            autoincrement=False,
            nullable=False,
        ),
        sa.Column("ModifiedBy", sa.String(length=50), autoincrement=False, nullable=True),
        sa.Column(
            "LastModDate",
            sa.DateTime(),
            server_default=sa.text("(CURRENT_TIMESTAMP)"),
            autoincrement=False,
            nullable=True,
        ),
        sa.PrimaryKeyConstraint("ProcedureID"),
        sqlite_autoincrement=True,
    )
    op.create_table(
        "m_providerservicemapping",
        sa.Column(
            "ProviderServiceMapID",
            sa.BigInteger().with_variant(sa.Integer(), "sqlite"),
            autoincrement=True,
            nullable=False,
        ),
        sa.Column("ServiceProviderID", sa.Integer(), autoincrement=False, nullable=True),
        sa.Column("ServiceID", sa.Integer(), autoincrement=False, nullable=True),
        sa.Column("CountryID", sa.Integer(), autoincrement=False, nullable=True),
        sa.Column("StateID", sa.Integer(), autoincrement=False, nullable=True),
        sa.Column("DistrictID", sa.Integer(), autoincrement=False, nullable=True),
        sa.Column("CityID", sa.Integer(), autoincrement=False, nullable=True),
        sa.Column("DistrictBlockID", sa.Integer(), autoincrement=False, nullable=True),
        sa.Column("Address", sa.String(length=100), autoincrement=False, nullable=True),
        sa.Column("StatusID", sa.Integer(), autoincrement=False, nullable=True),
        sa.Column("CTI_CampaignName", sa.String(length=45), autoincrement=False, nullable=True),
        sa.Column("ValidFrom", sa.DateTime(), autoincrement=False, nullable=True),
        sa.Column("ValidTill", sa.DateTime(), autoincrement=False, nullable=True),
        sa.Column(
            "IsDialPreferenceManual",
            sa.Boolean(),
            server_default=sa.text("1"),
            autoincrement=False,
            nullable=True,
        ),
        sa.Column("PreviewWindowTime", sa.Integer(), autoincrement=False, nullable=True),
        sa.Column("APIMANClientID", sa.String(length=100), autoincrement=False, nullable=True),
        sa.Column("APIMANClientKey", sa.String(length=100), autoincrement=False, nullable=True),
        sa.Column(
            "Deleted", sa.Boolean(), server_default=sa.text("0"), autoincrement=False, nullable=True
        ),
        sa.Column(
            "Processed",
            sa.String(length=4),
            server_default=sa.text("'N'"),
            autoincrement=False,
            nullable=False,
        ),
        sa.Column("CreatedBy", sa.String(length=50), autoincrement=False, nullable=False),
        sa.Column(
            "CreatedDate",
            sa.DateTime(),
            server_default=sa.text("(CURRENT_TIMESTAMP)"),
            autoincrement=False,
            nullable=False,
        ),
        sa.Column("ModifiedBy", sa.String(length=50), autoincrement=False, nullable=True),
        sa.Column(
            "LastModDate",
            sa.DateTime(),
            server_default=sa.text("(CURRENT_TIMESTAMP)"),
            autoincrement=False,
            nullable=True,
        ),
        sa.PrimaryKeyConstraint("ProviderServiceMapID"),
        sqlite_autoincrement=True,
    )
    op.create_table(
        "m_referralreason",
        sa.Column(
            "id",
            sa.BigInteger().with_variant(sa.Integer(), "sqlite"),
            autoincrement=True,
            nullable=False,
        ),
        sa.Column("name", sa.String(length=100), autoincrement=False, nullable=True),
        sa.Column("VisitCategoryId", sa.Integer(), autoincrement=False, nullable=True),
        sa.Column(
            "Deleted", sa.Boolean(), server_default=sa.text("0"), autoincrement=False, nullable=True
        ),
        sa.Column(
            "Processed",
            sa.String(length=4),
            server_default=sa.text("'N'"),
            autoincrement=False,
            nullable=False,
        ),
        sa.Column("CreatedBy", sa.String(length=50), autoincrement=False, nullable=False),
        sa.Column(
            "CreatedDate",
            sa.DateTime(),
            server_default=sa.text("(CURRENT_TIMESTAMP)"),
            autoincrement=False,
            nullable=False,
        ),
        sa.Column("ModifiedBy", sa.String(length=50), autoincrement=False, nullable=True),
        sa.Column(
            "LastModDate",
            sa.DateTime(),
            server_default=sa.text("(CURRENT_TIMESTAMP)"),
            autoincrement=False,
            nullable=True,
        ),
        sa.PrimaryKeyConstraint("id"),
        sqlite_autoincrement=True,
    )
    op.create_table(
        "m_religion",
        sa.Column(
            "ReligionID",
            sa.BigInteger().with_variant(sa.Integer(), "sqlite"),
            autoincrement=True,
            nullable=False,
        ),
        sa.Column("ReligionType", sa.String(length=20), autoincrement=False, nullable=True),
        sa.Column("ReligionDesc", sa.String(length=20), autoincrement=False, nullable=True),
        sa.Column(
            "Deleted", sa.Boolean(), server_default=sa.text("0"), autoincrement=False, nullable=True
        ),
        sa.Column(
            "Processed",
            sa.String(length=4),
            server_default=sa.text("'N'"),
            autoincrement=False,
            nullable=False,
        ),
        sa.Column("CreatedBy", sa.String(length=50), autoincrement=False, nullable=False),
        sa.Column(
            "CreatedDate",
            sa.DateTime(),
            server_default=sa.text("(CURRENT_TIMESTAMP)"),
            autoincrement=False,
            nullable=False,
        ),
        sa.Column("ModifiedBy", sa.String(length=50), autoincrement=False, nullable=True),
        sa.Column(
            "LastModDate",
            sa.DateTime(),
            server_default=sa.text("(CURRENT_TIMESTAMP)"),
            autoincrement=False,
            nullable=True,
        ),
        sa.PrimaryKeyConstraint("ReligionID"),
        sqlite_autoincrement=True,
    )
    op.create_table(
        "m_role",
        sa.Column(
            "RoleID",
            sa.BigInteger().with_variant(sa.Integer(), "sqlite"),
            autoincrement=True,
            nullable=False,
        ),
        sa.Column("RoleName", sa.String(length=50), autoincrement=False, nullable=False),
        sa.Column("RoleDesc", sa.String(length=100), autoincrement=False, nullable=True),
        sa.Column("RoleFor", sa.Integer(), autoincrement=False, nullable=True),
        sa.Column("Feature", sa.String(length=30), autoincrement=False, nullable=True),
        sa.Column("ProviderServiceMapID", sa.Integer(), autoincrement=False, nullable=True),
        sa.Column(
            "Deleted", sa.Boolean(), server_default=sa.text("0"), autoincrement=False, nullable=True
        ),
        sa.Column(
            "Processed",
            sa.String(length=4),
            server_default=sa.text("'N'"),
            autoincrement=False,
            nullable=False,
        ),
        sa.Column("CreatedBy", sa.String(length=50), autoincrement=False, nullable=False),
        sa.Column(
            "CreatedDate",
            sa.DateTime(),
            server_default=sa.text("(CURRENT_TIMESTAMP)"),
            autoincrement=False,
            nullable=False,
        ),
        sa.Column("ModifiedBy", sa.String(length=50), autoincrement=False, nullable=True),
        sa.Column(
            "LastModDate",
            sa.DateTime(),
            server_default=sa.text("(CURRENT_TIMESTAMP)"),
            autoincrement=False,
            nullable=True,
        ),
        sa.Column("isWrapUpTime", sa.Boolean(), autoincrement=False, nullable=True),
        sa.Column("Wrapuptime", sa.Integer(), autoincrement=False, nullable=True),
        sa.PrimaryKeyConstraint("RoleID"),
        sqlite_autoincrement=True,
    )
    op.create_table(
        "m_routeofadmin",
        sa.Column(
            "RouteID",
            sa.BigInteger().with_variant(sa.Integer(), "sqlite"),
            autoincrement=True,
            nullable=False,
        ),
        sa.Column("RouteName", sa.String(length=100), autoincrement=False, nullable=True),
        sa.Column("RouteDesc", sa.String(length=100), autoincrement=False, nullable=True),
        sa.Column("RouteCode", sa.String(length=100), autoincrement=False, nullable=True),
        sa.Column("Status", sa.String(length=10), autoincrement=False, nullable=True),
        sa.Column("ProviderServiceMapID", sa.Integer(), autoincrement=False, nullable=True),
        sa.Column(
            "Deleted", sa.Boolean(), server_default=sa.text("0"), autoincrement=False, nullable=True
        ),
        sa.Column(
            "Processed",
            sa.String(length=4),
            server_default=sa.text("'N'"),
            autoincrement=False,
            nullable=False,
        ),
        sa.Column("CreatedBy", sa.String(length=50), autoincrement=False, nullable=False),
        sa.Column(
            "CreatedDate",
            sa.DateTime(),
            server_default=sa.text("(CURRENT_TIMESTAMP)"),
            autoincrement=False,
            nullable=False,
        ),
        sa.Column("ModifiedBy", sa.String(length=50), autoincrement=False, nullable=True),
        sa.Column(
            "LastModDate",
            sa.DateTime(),
            server_default=sa.text("(CURRENT_TIMESTAMP)"),
            autoincrement=False,
            nullable=True,
        ),
        sa.PrimaryKeyConstraint("RouteID"),
        sqlite_autoincrement=True,
    )
    op.create_table(
        "m_servicepoint",
        sa.Column(
            "ServicePointID",
            sa.BigInteger().with_variant(sa.Integer(), "sqlite"),
            autoincrement=True,
            nullable=False,
        ),
        sa.Column("ServicePointName", sa.String(length=50), autoincrement=False, nullable=True),
        sa.Column("ServicePointDesc", sa.String(length=100), autoincrement=False, nullable=True),
        sa.Column("ProviderServiceMapID", sa.Integer(), autoincrement=False, nullable=True),
        sa.Column("CountryID", sa.Integer(), autoincrement=False, nullable=True),
        sa.Column("StateID", sa.Integer(), autoincrement=False, nullable=True),
        sa.Column("DistrictID", sa.Integer(), autoincrement=False, nullable=True),
        sa.Column("DistrictBlockID", sa.Integer(), autoincrement=False, nullable=True),
        sa.Column("DistrictBranchID", sa.Integer(), autoincrement=False, nullable=True),
        sa.Column(
            "ServicePointHQAddress", sa.String(length=300), autoincrement=False, nullable=True
        ),
        sa.Column("ParkingPlaceID", sa.Integer(), autoincrement=False, nullable=True),
        sa.Column(
            "Deleted", sa.Boolean(), server_default=sa.text("0"), autoincrement=False, nullable=True
        ),
        sa.Column(
            "Processed",
            sa.String(length=4),
            server_default=sa.text("'N'"),
            autoincrement=False,
            nullable=False,
        ),
        sa.Column("CreatedBy", sa.String(length=50), autoincrement=False, nullable=False),
        sa.Column(
            "CreatedDate",
            sa.DateTime(),
            server_default=sa.text("(CURRENT_TIMESTAMP)"),
            autoincrement=False,
            nullable=False,
        ),
        sa.Column("ModifiedBy", sa.String(length=50), autoincrement=False, nullable=True),
        sa.Column(
            "LastModDate",
            sa.DateTime(),
            server_default=sa.text("(CURRENT_TIMESTAMP)"),
            autoincrement=False,
            nullable=True,
        ),
        sa.PrimaryKeyConstraint("ServicePointID"),
        sqlite_autoincrement=True,
    )
    op.create_table(
        "m_servicepointvillagemap",
        sa.Column(
            "ServicePointVillageMapID",
            sa.BigInteger().with_variant(sa.Integer(), "sqlite"),
            autoincrement=True,
            nullable=False,
        ),
        sa.Column("ServicePointID", sa.Integer(), autoincrement=False, nullable=True),
        sa.Column("DistrictBranchID", sa.Integer(), autoincrement=False, nullable=True),
        sa.Column("ProviderServiceMapID", sa.Integer(), autoincrement=False, nullable=True),
        sa.Column(
            "Deleted", sa.Boolean(), server_default=sa.text("0"), autoincrement=False, nullable=True
        ),
        sa.Column(
            "Processed",
            sa.String(length=4),
            server_default=sa.text("'N'"),
            autoincrement=False,
            nullable=False,
        ),
        sa.Column("CreatedBy", sa.String(length=50), autoincrement=False, nullable=False),
        sa.Column(
            "CreatedDate",
            sa.DateTime(),
            server_default=sa.text("(CURRENT_TIMESTAMP)"),
            autoincrement=False,
            nullable=False,
        ),
        sa.Column("ModifiedBy", sa.String(length=50), autoincrement=False, nullable=True),
        sa.Column(
            "LastModDate",
            sa.DateTime(),
            server_default=sa.text("(CURRENT_TIMESTAMP)"),
            autoincrement=False,
            nullable=True,
        ),
        sa.PrimaryKeyConstraint("ServicePointVillageMapID"),
        sqlite_autoincrement=True,
    )
    op.create_table(
        "m_state",
        sa.Column(
            "StateID",
            sa.BigInteger().with_variant(sa.Integer(), "sqlite"),
            autoincrement=True,
            nullable=False,
        ),
        sa.Column("StateName", sa.String(length=100), autoincrement=False, nullable=False),
        sa.Column("StateCode", sa.String(length=4), autoincrement=False, nullable=True),
        sa.Column("GovtStateID", sa.Integer(), autoincrement=False, nullable=True),
        sa.Column("CountryID", sa.Integer(), autoincrement=False, nullable=True),
        sa.Column("Language", sa.String(length=50), autoincrement=False, nullable=True),
        sa.Column(
            "Deleted", sa.Boolean(), server_default=sa.text("0"), autoincrement=False, nullable=True
        ),
        sa.Column(
            "Processed",
            sa.String(length=4),
            server_default=sa.text("'N'"),
            autoincrement=False,
            nullable=False,
        ),
        sa.Column("CreatedBy", sa.String(length=50), autoincrement=False, nullable=False),
        sa.Column(
            "CreatedDate",
            sa.DateTime(),
            server_default=sa.text("(CURRENT_TIMESTAMP)"),
            autoincrement=False,
            nullable=False,
        ),
        sa.Column("ModifiedBy", sa.String(length=50), autoincrement=False, nullable=True),
        sa.Column(
            "LastModDate",
            sa.DateTime(),
            server_default=sa.text("(CURRENT_TIMESTAMP)"),
            autoincrement=False,
            nullable=True,
        ),
        sa.PrimaryKeyConstraint("StateID"),
        sqlite_autoincrement=True,
    )
    op.create_table(
        "m_subvisitcategory",
        sa.Column(
            "id",
            sa.BigInteger().with_variant(sa.Integer(), "sqlite"),
            autoincrement=True,
            nullable=False,
        ),
        sa.Column("name", sa.String(length=500), autoincrement=False, nullable=True),
        sa.Column(
            "Deleted", sa.Boolean(), server_default=sa.text("0"), autoincrement=False, nullable=True
        ),
        sa.Column(
            "Processed",
            sa.String(length=4),
            server_default=sa.text("'N'"),
            autoincrement=False,
            nullable=False,
        ),
        sa.Column("CreatedBy", sa.String(length=50), autoincrement=False, nullable=False),
        sa.Column(
            "CreatedDate",
            sa.DateTime(),
            server_default=sa.text("(CURRENT_TIMESTAMP)"),
            autoincrement=False,
            nullable=False,
        ),
        sa.Column("ModifiedBy", sa.String(length=50), autoincrement=False, nullable=True),
        sa.Column(
            "LastModDate",
            sa.DateTime(),
            server_default=sa.text("(CURRENT_TIMESTAMP)"),
            autoincrement=False,
            nullable=True,
        ),
        sa.PrimaryKeyConstraint("id"),
        sqlite_autoincrement=True,
    )
    op.create_table(
        "m_synctabledetail",
        sa.Column(
            "SyncTableDetailID",
            sa.BigInteger().with_variant(sa.Integer(), "sqlite"),
            autoincrement=True,
            nullable=False,
        ),
        sa.Column("SchemaName", sa.String(length=45), autoincrement=False, nullable=True),
        sa.Column("TableName", sa.String(length=50), autoincrement=False, nullable=True),
        sa.Column("DataClassName", sa.String(length=300), autoincrement=False, nullable=True),
        sa.Column("ServerColumnName", sa.Text(), autoincrement=False, nullable=True),
        sa.Column("VanColumnName", sa.Text(), autoincrement=False, nullable=True),
        sa.Column("VanAutoIncColumnName", sa.String(length=45), autoincrement=False, nullable=True),
        sa.Column(
            "IsMaster",
            sa.Boolean(),
            server_default=sa.text("0"),
            autoincrement=False,
            nullable=True,
        ),
        sa.Column("SyncTableGroupID", sa.Integer(), autoincrement=False, nullable=True),
        sa.Column(
            "Deleted", sa.Boolean(), server_default=sa.text("0"), autoincrement=False, nullable=True
        ),
        sa.Column(
            "Processed",
            sa.String(length=4),
            server_default=sa.text("'N'"),
            autoincrement=False,
            nullable=False,
        ),
        sa.Column("CreatedBy", sa.String(length=50), autoincrement=False, nullable=False),
        sa.Column(
            "CreatedDate",
            sa.DateTime(),
            server_default=sa.text("(CURRENT_TIMESTAMP)"),
            autoincrement=False,
            nullable=False,
        ),
        sa.Column("ModifiedBy", sa.String(length=50), autoincrement=False, nullable=True),
        sa.Column(
            "LastModDate",
            sa.DateTime(),
            server_default=sa.text("(CURRENT_TIMESTAMP)"),
            autoincrement=False,
            nullable=True,
        ),
        sa.PrimaryKeyConstraint("SyncTableDetailID"),
        sqlite_autoincrement=True,
    )
    op.create_table(
        "m_synctablegroup",
        sa.Column(
            "SyncTableGroupID",
            sa.BigInteger().with_variant(sa.Integer(), "sqlite"),
            autoincrement=True,
            nullable=False,
        ),
        sa.Column("SyncTableGroupName", sa.String(length=50), autoincrement=False, nullable=True),
        sa.Column("SyncTableGroupDesc", sa.String(length=100), autoincrement=False, nullable=True),
        sa.Column(
            "Deleted", sa.Boolean(), server_default=sa.text("0"), autoincrement=False, nullable=True
        ),
        sa.Column(
            "Processed",
            sa.String(length=4),
            server_default=sa.text("'N'"),
            autoincrement=False,
            nullable=False,
        ),
        sa.Column("CreatedBy", sa.String(length=50), autoincrement=False, nullable=False),
        sa.Column(
            "CreatedDate",
            sa.DateTime(),
            server_default=sa.text("(CURRENT_TIMESTAMP)"),
            autoincrement=False,
            nullable=False,
        ),
        sa.Column("ModifiedBy", sa.String(length=50), autoincrement=False, nullable=True),
        sa.Column(
            "LastModDate",
            sa.DateTime(),
            server_default=sa.text("(CURRENT_TIMESTAMP)"),
            autoincrement=False,
            nullable=True,
        ),
        sa.PrimaryKeyConstraint("SyncTableGroupID"),
        sqlite_autoincrement=True,
    )
    op.create_table(
        "m_testcomponent",
        sa.Column(
            "TestComponentID",
            sa.BigInteger().with_variant(sa.Integer(), "sqlite"),
            autoincrement=True,
            nullable=False,
        ),
        sa.Column("TestComponentName", sa.String(length=100), autoincrement=False, nullable=True),
        sa.Column("TestComponentDesc", sa.String(length=100), autoincrement=False, nullable=True),
        sa.Column("Loinc_Num", sa.String(length=10), autoincrement=False, nullable=True),
        sa.Column("loinc_Component", sa.String(length=255), autoincrement=False, nullable=True),
        sa.Column("InputType", sa.String(length=30), autoincrement=False, nullable=True),
        sa.Column("MeasurementUnit", sa.String(length=30), autoincrement=False, nullable=True),
        sa.Column("isDecimal", sa.Boolean(), autoincrement=False, nullable=True),
        sa.Column(
            "Range_min",
            sa.Numeric(precision=7, scale=2, asdecimal=False),
            autoincrement=False,
            nullable=True,
        ),
        sa.Column(
            "Range_normal_min",
            sa.Numeric(precision=7, scale=2, asdecimal=False),
            autoincrement=False,
            nullable=True,
        ),
        sa.Column(
            "Range_normal_max",
            sa.Numeric(precision=7, scale=2, asdecimal=False),
            autoincrement=False,
            nullable=True,
        ),
        sa.Column(
            "Range_max",
            sa.Numeric(precision=7, scale=2, asdecimal=False),
            autoincrement=False,
            nullable=True,
        ),
        sa.Column("IOTComponentID", sa.Integer(), autoincrement=False, nullable=True),
        sa.Column("ProviderServiceMapID", sa.Integer(), autoincrement=False, nullable=True),
        sa.Column(
            "Deleted", sa.Boolean(), server_default=sa.text("0"), autoincrement=False, nullable=True
        ),
        sa.Column(
            "Processed",
            sa.String(length=4),
            server_default=sa.text("'N'"),
            autoincrement=False,
            nullable=False,
        ),
        sa.Column("CreatedBy", sa.String(length=50), autoincrement=False, nullable=False),
        sa.Column(
            "CreatedDate",
            sa.DateTime(),
            server_default=sa.text("(CURRENT_TIMESTAMP)"),
            autoincrement=False,
            nullable=False,
        ),
        sa.Column("ModifiedBy", sa.String(length=50), autoincrement=False, nullable=True),
        sa.Column(
            "LastModDate",
            sa.DateTime(),
            server_default=sa.text("(CURRENT_TIMESTAMP)"),
            autoincrement=False,
            nullable=True,
        ),
        sa.PrimaryKeyConstraint("TestComponentID"),
        sqlite_autoincrement=True,
    )
    op.create_table(
        "m_title",
        sa.Column(
            "TitleID",
            sa.BigInteger().with_variant(sa.Integer(), "sqlite"),
            autoincrement=True,
            nullable=False,
        ),
        sa.Column("TitleName", sa.String(length=10), autoincrement=False, nullable=False),
        sa.Column("TitleDesc", sa.String(length=20), autoincrement=False, nullable=True),
        sa.Column(
            "Deleted", sa.Boolean(), server_default=sa.text("0"), autoincrement=False, nullable=True
        ),
        sa.Column(
            "Processed",
            sa.String(length=4),
            server_default=sa.text("'N'"),
            autoincrement=False,
            nullable=False,
        ),
        sa.Column("CreatedBy", sa.String(length=50), autoincrement=False, nullable=False),
        sa.Column(
            "CreatedDate",
            sa.DateTime(),
            server_default=sa.text("(CURRENT_TIMESTAMP)"),
            autoincrement=False,
            nullable=False,
        ),
        sa.Column("ModifiedBy", sa.String(length=50), autoincrement=False, nullable=True),
        sa.Column(
            "LastModDate",
            sa.DateTime(),
            server_default=sa.text("(CURRENT_TIMESTAMP)"),
            autoincrement=False,
            nullable=True,
        ),
        sa.PrimaryKeyConstraint("TitleID"),
        sqlite_autoincrement=True,
    )
    op.create_table(
        "m_user",
        sa.Column(
            "UserID",
            sa.BigInteger().with_variant(sa.Integer(), "sqlite"),
            autoincrement=True,
            nullable=False,
        ),
        sa.Column("TitleID", sa.Integer(), autoincrement=False, nullable=True),
        sa.Column("FirstName", sa.String(length=50), autoincrement=False, nullable=True),
        sa.Column("MiddleName", sa.String(length=50), autoincrement=False, nullable=True),
        sa.Column("LastName", sa.String(length=50), autoincrement=False, nullable=True),
        sa.Column("GenderID", sa.Integer(), autoincrement=False, nullable=True),
        sa.Column("MaritalStatusID", sa.Integer(), autoincrement=False, nullable=True),
        sa.Column("AadhaarNo", sa.String(length=20), autoincrement=False, nullable=True),
        sa.Column("PAN", sa.String(length=20), autoincrement=False, nullable=True),
        sa.Column("DOB", sa.DateTime(), autoincrement=False, nullable=True),
        sa.Column("DOJ", sa.DateTime(), autoincrement=False, nullable=True),
        sa.Column("QualificationID", sa.Integer(), autoincrement=False, nullable=True),
        sa.Column("DesignationID", sa.Integer(), autoincrement=False, nullable=True),
        sa.Column("EmployeeID", sa.String(length=20), autoincrement=False, nullable=True),
        sa.Column("UserName", sa.String(length=20), autoincrement=False, nullable=True),
        sa.Column("Password", sa.String(length=250), autoincrement=False, nullable=True),
        sa.Column("CZUserID", sa.String(length=20), autoincrement=False, nullable=True),
        sa.Column("CZPassword", sa.String(length=250), autoincrement=False, nullable=True),
        sa.Column("AgentID", sa.String(length=20), autoincrement=False, nullable=True),
        sa.Column("AgentPassword", sa.String(length=250), autoincrement=False, nullable=True),
        sa.Column("CZRole", sa.String(length=30), autoincrement=False, nullable=True),
        sa.Column("ContactNo", sa.String(length=12), autoincrement=False, nullable=True),
        sa.Column("EmailID", sa.String(length=100), autoincrement=False, nullable=True),
        sa.Column("StatusID", sa.Integer(), autoincrement=False, nullable=True),
        sa.Column("ServiceProviderID", sa.Integer(), autoincrement=False, nullable=True),
        sa.Column(
            "EmergencyContactPerson", sa.String(length=50), autoincrement=False, nullable=True
        ),
        sa.Column("EmergencyContactNo", sa.String(length=15), autoincrement=False, nullable=True),
        sa.Column("IsExternal", sa.Boolean(), autoincrement=False, nullable=True),
        sa.Column(
            "IsSupervisor",
            sa.Boolean(),
            server_default=sa.text("0"),
            autoincrement=False,
            nullable=True,
        ),
        sa.Column(
            "IsProviderAdmin",
            sa.Boolean(),
            server_default=sa.text("0"),
            autoincrement=False,
            nullable=True,
        ),
        sa.Column("Remarks", sa.String(length=100), autoincrement=False, nullable=True),
        sa.Column("HealthProfessionalID", sa.String(length=30), autoincrement=False, nullable=True),
        sa.Column(
            "Deleted", sa.Boolean(), server_default=sa.text("0"), autoincrement=False, nullable=True
        ),
        sa.Column(
            "Processed",
            sa.String(length=4),
            server_default=sa.text("'N'"),
            autoincrement=False,
            nullable=False,
        ),
        sa.Column("CreatedBy", sa.String(length=50), autoincrement=False, nullable=False),
        sa.Column(
            "CreatedDate",
            sa.DateTime(),
            server_default=sa.text("(CURRENT_TIMESTAMP)"),
            autoincrement=False,
            nullable=False,
        ),
        sa.Column("ModifiedBy", sa.String(length=50), autoincrement=False, nullable=True),
        sa.Column(
            "LastModDate",
            sa.DateTime(),
            server_default=sa.text("(CURRENT_TIMESTAMP)"),
            autoincrement=False,
            nullable=True,
        ),
        sa.Column(
            "failed_attempt",
            sa.Integer(),
            server_default=sa.text("'0'"),
            autoincrement=False,
            nullable=True,
        ),
        sa.PrimaryKeyConstraint("UserID"),
        sqlite_autoincrement=True,
    )
    with op.batch_alter_table("m_user", schema=None) as batch_op:
        batch_op.create_index("uq_m_user_AadhaarNo_UNIQUE", ["AadhaarNo"], unique=True)
        batch_op.create_index("uq_m_user_CZUserID_UNIQUE", ["CZUserID"], unique=True)
        batch_op.create_index("uq_m_user_EmployeeID_UNIQUE", ["EmployeeID"], unique=True)
        batch_op.create_index("uq_m_user_UserName_UNIQUE", ["UserName"], unique=True)

    op.create_table(
        "m_userservicerolemapping",
        sa.Column(
            "USRMappingID",
            sa.BigInteger().with_variant(sa.Integer(), "sqlite"),
            autoincrement=True,
            nullable=False,
        ),
        sa.Column("UserID", sa.Integer(), autoincrement=False, nullable=True),
        sa.Column("RoleID", sa.Integer(), autoincrement=False, nullable=True),
        sa.Column("AgentID", sa.String(length=20), autoincrement=False, nullable=True),
        sa.Column("AgentPassword", sa.String(length=20), autoincrement=False, nullable=True),
        sa.Column("CZRole", sa.String(length=20), autoincrement=False, nullable=True),
        sa.Column("ProviderServiceMapID", sa.Integer(), autoincrement=False, nullable=True),
        sa.Column("WorkingLocationID", sa.Integer(), autoincrement=False, nullable=True),
        sa.Column("Blockid", sa.Integer(), autoincrement=False, nullable=True),
        sa.Column("BlockName", sa.String(length=100), autoincrement=False, nullable=True),
        sa.Column("Villageid", sa.String(length=100), autoincrement=False, nullable=True),
        sa.Column("VillageName", sa.String(length=500), autoincrement=False, nullable=True),
        sa.Column("ServiceProviderID", sa.Integer(), autoincrement=False, nullable=True),
        sa.Column("isInbound", sa.Boolean(), autoincrement=False, nullable=True),
        sa.Column("isOutbound", sa.Boolean(), autoincrement=False, nullable=True),
        sa.Column(
            "Deleted", sa.Boolean(), server_default=sa.text("0"), autoincrement=False, nullable=True
        ),
        sa.Column(
            "Processed",
            sa.String(length=4),
            server_default=sa.text("'N'"),
            autoincrement=False,
            nullable=False,
        ),
        sa.Column("CreatedBy", sa.String(length=50), autoincrement=False, nullable=False),
        sa.Column(
            "CreatedDate",
            sa.DateTime(),
            server_default=sa.text("(CURRENT_TIMESTAMP)"),
            autoincrement=False,
            nullable=False,
        ),
        sa.Column("ModifiedBy", sa.String(length=50), autoincrement=False, nullable=True),
        sa.Column(
            "LastModDate",
            sa.DateTime(),
            server_default=sa.text("(CURRENT_TIMESTAMP)"),
            autoincrement=False,
            nullable=True,
        ),
        sa.Column("isAutoPreviewDial", sa.Boolean(), autoincrement=False, nullable=True),
        sa.Column("isSanjeevani", sa.Boolean(), autoincrement=False, nullable=True),
        sa.Column("PreviewWindowTime", sa.Integer(), autoincrement=False, nullable=True),
        sa.PrimaryKeyConstraint("USRMappingID"),
        sqlite_autoincrement=True,
    )
    op.create_table(
        "m_uservanmapping",
        sa.Column(
            "UserVanMapID",
            sa.BigInteger().with_variant(sa.Integer(), "sqlite"),
            autoincrement=True,
            nullable=False,
        ),
        sa.Column("UserParkingPlaceMapID", sa.Integer(), autoincrement=False, nullable=True),
        sa.Column("VanID", sa.Integer(), autoincrement=False, nullable=True),
        sa.Column("ProviderServiceMapID", sa.Integer(), autoincrement=False, nullable=True),
        sa.Column(
            "Deleted", sa.Boolean(), server_default=sa.text("0"), autoincrement=False, nullable=True
        ),
        sa.Column(
            "Processed",
            sa.String(length=4),
            server_default=sa.text("'N'"),
            autoincrement=False,
            nullable=False,
        ),
        sa.Column("CreatedBy", sa.String(length=50), autoincrement=False, nullable=False),
        sa.Column(
            "CreatedDate",
            sa.DateTime(),
            server_default=sa.text("(CURRENT_TIMESTAMP)"),
            autoincrement=False,
            nullable=False,
        ),
        sa.Column("ModifiedBy", sa.String(length=50), autoincrement=False, nullable=True),
        sa.Column(
            "LastModDate",
            sa.DateTime(),
            server_default=sa.text("(CURRENT_TIMESTAMP)"),
            autoincrement=False,
            nullable=True,
        ),
        sa.PrimaryKeyConstraint("UserVanMapID"),
        sqlite_autoincrement=True,
    )
    op.create_table(
        "m_van",
        sa.Column(
            "VanID",
            sa.BigInteger().with_variant(sa.Integer(), "sqlite"),
            autoincrement=True,
            nullable=False,
        ),
        sa.Column("VanName", sa.String(length=30), autoincrement=False, nullable=True),
        sa.Column("VehicalNo", sa.String(length=30), autoincrement=False, nullable=True),
        sa.Column("VanTypeID", sa.Integer(), autoincrement=False, nullable=True),
        sa.Column("ProviderServiceMapID", sa.Integer(), autoincrement=False, nullable=True),
        sa.Column("CountryID", sa.Integer(), autoincrement=False, nullable=True),
        sa.Column("StateID", sa.Integer(), autoincrement=False, nullable=True),
        sa.Column("DistrictID", sa.Integer(), autoincrement=False, nullable=True),
        sa.Column("ParkingPlaceID", sa.Integer(), autoincrement=False, nullable=True),
        sa.Column("IsFacility", sa.Boolean(), autoincrement=False, nullable=True),
        sa.Column("FacilityID", sa.Integer(), autoincrement=False, nullable=True),
        sa.Column("SwymedDomain", sa.String(length=100), autoincrement=False, nullable=True),
        sa.Column("SwymedID", sa.String(length=100), autoincrement=False, nullable=True),
        sa.Column("SwymedEmailID", sa.String(length=100), autoincrement=False, nullable=True),
        sa.Column(
            "vanSpokeMapped",
            sa.Boolean(),
            server_default=sa.text("0"),
            autoincrement=False,
            nullable=True,
        ),
        sa.Column(
            "vanfetosenseIDmapped",
            sa.Boolean(),
            server_default=sa.text("0"),
            autoincrement=False,
            nullable=True,
        ),
        sa.Column(
            "Deleted", sa.Boolean(), server_default=sa.text("0"), autoincrement=False, nullable=True
        ),
        sa.Column(
            "Processed",
            sa.String(length=4),
            server_default=sa.text("'N'"),
            autoincrement=False,
            nullable=False,
        ),
        sa.Column("CreatedBy", sa.String(length=50), autoincrement=False, nullable=False),
        sa.Column(
            "CreatedDate",
            sa.DateTime(),
            server_default=sa.text("(CURRENT_TIMESTAMP)"),
            autoincrement=False,
            nullable=False,
        ),
        sa.Column("ModifiedBy", sa.String(length=50), autoincrement=False, nullable=True),
        sa.Column(
            "LastModDate",
            sa.DateTime(),
            server_default=sa.text("(CURRENT_TIMESTAMP)"),
            autoincrement=False,
            nullable=True,
        ),
        sa.PrimaryKeyConstraint("VanID"),
        sqlite_autoincrement=True,
    )
    with op.batch_alter_table("m_van", schema=None) as batch_op:
        batch_op.create_index("uq_m_van_FacilityID_UNIQUE", ["FacilityID"], unique=True)

    op.create_table(
        "m_vanservicepointmap",
        sa.Column(
            "VanServicePointMapID",
            sa.BigInteger().with_variant(sa.Integer(), "sqlite"),
            autoincrement=True,
            nullable=False,
        ),
        sa.Column("VanID", sa.Integer(), autoincrement=False, nullable=True),
        sa.Column("ServicePointID", sa.Integer(), autoincrement=False, nullable=True),
        sa.Column("VanSession", sa.Integer(), autoincrement=False, nullable=True),
        sa.Column("ProviderServiceMapID", sa.Integer(), autoincrement=False, nullable=True),
        sa.Column(
            "Deleted", sa.Boolean(), server_default=sa.text("0"), autoincrement=False, nullable=True
        ),
        sa.Column(
            "Processed",
            sa.String(length=4),
            server_default=sa.text("'N'"),
            autoincrement=False,
            nullable=False,
        ),
        sa.Column("CreatedBy", sa.String(length=50), autoincrement=False, nullable=False),
        sa.Column(
            "CreatedDate",
            sa.DateTime(),
            server_default=sa.text("(CURRENT_TIMESTAMP)"),
            autoincrement=False,
            nullable=False,
        ),
        sa.Column("ModifiedBy", sa.String(length=50), autoincrement=False, nullable=True),
        sa.Column(
            "LastModDate",
            sa.DateTime(),
            server_default=sa.text("(CURRENT_TIMESTAMP)"),
            autoincrement=False,
            nullable=True,
        ),
        sa.PrimaryKeyConstraint("VanServicePointMapID"),
        sqlite_autoincrement=True,
    )
    op.create_table(
        "m_visitcategory",
        sa.Column(
            "VisitCategoryID",
            sa.BigInteger().with_variant(sa.Integer(), "sqlite"),
            autoincrement=True,
            nullable=False,
        ),
        sa.Column("visitcategory", sa.String(length=100), autoincrement=False, nullable=True),
        sa.Column("VisitCategoryDesc", sa.String(length=50), autoincrement=False, nullable=True),
        sa.Column(
            "Deleted", sa.Boolean(), server_default=sa.text("0"), autoincrement=False, nullable=True
        ),
        sa.Column(
            "Processed",
            sa.String(length=4),
            server_default=sa.text("'N'"),
            autoincrement=False,
            nullable=False,
        ),
        sa.Column("CreatedBy", sa.String(length=50), autoincrement=False, nullable=False),
        sa.Column(
            "CreatedDate",
            sa.DateTime(),
            server_default=sa.text("(CURRENT_TIMESTAMP)"),
            autoincrement=False,
            nullable=False,
        ),
        sa.Column("ModifiedBy", sa.String(length=50), autoincrement=False, nullable=True),
        sa.Column(
            "LastModDate",
            sa.DateTime(),
            server_default=sa.text("(CURRENT_TIMESTAMP)"),
            autoincrement=False,
            nullable=True,
        ),
        sa.PrimaryKeyConstraint("VisitCategoryID"),
        sqlite_autoincrement=True,
    )
    op.create_table(
        "m_visitreason",
        sa.Column(
            "VisitReasonID",
            sa.BigInteger().with_variant(sa.Integer(), "sqlite"),
            autoincrement=True,
            nullable=False,
        ),
        sa.Column("VisitReason", sa.String(length=20), autoincrement=False, nullable=True),
        sa.Column("VisitReasonDesc", sa.String(length=50), autoincrement=False, nullable=True),
        sa.Column(
            "Deleted", sa.Boolean(), server_default=sa.text("0"), autoincrement=False, nullable=True
        ),
        sa.Column(
            "Processed",
            sa.String(length=4),
            server_default=sa.text("'N'"),
            autoincrement=False,
            nullable=False,
        ),
        sa.Column("CreatedBy", sa.String(length=50), autoincrement=False, nullable=False),
        sa.Column(
            "CreatedDate",
            sa.DateTime(),
            server_default=sa.text("(CURRENT_TIMESTAMP)"),
            autoincrement=False,
            nullable=False,
        ),
        sa.Column("ModifiedBy", sa.String(length=50), autoincrement=False, nullable=True),
        sa.Column(
            "LastModDate",
            sa.DateTime(),
            server_default=sa.text("(CURRENT_TIMESTAMP)"),
            autoincrement=False,
            nullable=True,
        ),
        sa.PrimaryKeyConstraint("VisitReasonID"),
        sqlite_autoincrement=True,
    )
    op.create_table(
        "t_benallergyhistory",
        sa.Column(
            "ID",
            sa.BigInteger().with_variant(sa.Integer(), "sqlite"),
            autoincrement=True,
            nullable=False,
        ),
        sa.Column("BeneficiaryRegID", sa.BigInteger(), autoincrement=False, nullable=True),
        sa.Column("BenVisitID", sa.BigInteger(), autoincrement=False, nullable=True),
        sa.Column("ProviderServiceMapID", sa.Integer(), autoincrement=False, nullable=True),
        sa.Column("VisitCode", sa.BigInteger(), autoincrement=False, nullable=True),
        sa.Column("AllergyStatus", sa.String(length=20), autoincrement=False, nullable=True),
        sa.Column("AllergyType", sa.String(length=20), autoincrement=False, nullable=True),
        sa.Column("AllergenName", sa.String(length=100), autoincrement=False, nullable=True),
        sa.Column(
            "AllergicReactionTypeID", sa.String(length=30), autoincrement=False, nullable=True
        ),
        sa.Column(
            "AllergicReactionType", sa.String(length=750), autoincrement=False, nullable=True
        ),
        sa.Column(
            "OtherAllergicReaction", sa.String(length=100), autoincrement=False, nullable=True
        ),
        sa.Column("Remarks", sa.String(length=300), autoincrement=False, nullable=True),
        sa.Column("Sctcode", sa.String(length=30), autoincrement=False, nullable=True),
        sa.Column("SctTerm", sa.String(length=500), autoincrement=False, nullable=True),
        sa.Column(
            "Deleted", sa.Boolean(), server_default=sa.text("0"), autoincrement=False, nullable=True
        ),
        sa.Column(
            "Processed",
            sa.String(length=4),
            server_default=sa.text("'N'"),
            autoincrement=False,
            nullable=False,
        ),
        sa.Column("CreatedBy", sa.String(length=50), autoincrement=False, nullable=False),
        sa.Column(
            "CreatedDate",
            sa.DateTime(),
            server_default=sa.text("(CURRENT_TIMESTAMP)"),
            autoincrement=False,
            nullable=False,
        ),
        sa.Column("ModifiedBy", sa.String(length=50), autoincrement=False, nullable=True),
        sa.Column(
            "LastModDate",
            sa.DateTime(),
            server_default=sa.text("(CURRENT_TIMESTAMP)"),
            autoincrement=False,
            nullable=True,
        ),
        sa.Column("VanSerialNo", sa.BigInteger(), autoincrement=False, nullable=True),
        sa.Column("VanID", sa.Integer(), autoincrement=False, nullable=True),
        sa.Column("VehicalNo", sa.String(length=30), autoincrement=False, nullable=True),
        sa.Column("ParkingPlaceID", sa.Integer(), autoincrement=False, nullable=True),
        sa.Column("SyncedBy", sa.String(length=30), autoincrement=False, nullable=True),
        sa.Column("SyncedDate", sa.DateTime(), autoincrement=False, nullable=True),
        sa.Column("ReservedForChange", sa.String(length=30), autoincrement=False, nullable=True),
        sa.Column("SyncFailureReason", sa.String(length=500), autoincrement=False, nullable=True),
        sa.PrimaryKeyConstraint("ID"),
        sqlite_autoincrement=True,
    )
    with op.batch_alter_table("t_benallergyhistory", schema=None) as batch_op:
        batch_op.create_index(
            "ix_t_benallergyhistory_pending",
            ["ID"],
            unique=False,
            sqlite_where=sa.text("Processed IS NOT 'P'"),
        )

    op.create_table(
        "t_benclinicalobservation",
        sa.Column(
            "ClinicalObservationID",
            sa.BigInteger().with_variant(sa.Integer(), "sqlite"),
            autoincrement=True,
            nullable=False,
        ),
        sa.Column("BeneficiaryRegID", sa.BigInteger(), autoincrement=False, nullable=True),
        sa.Column("BenVisitID", sa.BigInteger(), autoincrement=False, nullable=True),
        sa.Column("ProviderServiceMapID", sa.Integer(), autoincrement=False, nullable=True),
        sa.Column("VisitCode", sa.BigInteger(), autoincrement=False, nullable=True),
        sa.Column("ClinicalObservation", sa.String(length=500), autoincrement=False, nullable=True),
        sa.Column(
            "ClinicalObservation_Sctcode", sa.String(length=300), autoincrement=False, nullable=True
        ),
        sa.Column("OtherSymptoms", sa.String(length=300), autoincrement=False, nullable=True),
        sa.Column(
            "OtherSymptoms_SCTCode", sa.String(length=300), autoincrement=False, nullable=True
        ),
        sa.Column(
            "OtherSymptoms_SCTTerm", sa.String(length=300), autoincrement=False, nullable=True
        ),
        sa.Column(
            "SignificantFindings_Sctcode", sa.String(length=300), autoincrement=False, nullable=True
        ),
        sa.Column("SignificantFindings", sa.String(length=300), autoincrement=False, nullable=True),
        sa.Column("IsForHistory", sa.Boolean(), autoincrement=False, nullable=True),
        sa.Column(
            "Deleted", sa.Boolean(), server_default=sa.text("0"), autoincrement=False, nullable=True
        ),
        sa.Column(
            "Processed",
            sa.String(length=4),
            server_default=sa.text("'N'"),
            autoincrement=False,
            nullable=False,
        ),
        sa.Column("CreatedBy", sa.String(length=50), autoincrement=False, nullable=False),
        sa.Column(
            "CreatedDate",
            sa.DateTime(),
            server_default=sa.text("(CURRENT_TIMESTAMP)"),
            autoincrement=False,
            nullable=False,
        ),
        sa.Column("ModifiedBy", sa.String(length=50), autoincrement=False, nullable=True),
        sa.Column(
            "LastModDate",
            sa.DateTime(),
            server_default=sa.text("(CURRENT_TIMESTAMP)"),
            autoincrement=False,
            nullable=True,
        ),
        sa.Column("VanSerialNo", sa.BigInteger(), autoincrement=False, nullable=True),
        sa.Column("VanID", sa.Integer(), autoincrement=False, nullable=True),
        sa.Column("VehicalNo", sa.String(length=30), autoincrement=False, nullable=True),
        sa.Column("ParkingPlaceID", sa.Integer(), autoincrement=False, nullable=True),
        sa.Column("SyncedBy", sa.String(length=30), autoincrement=False, nullable=True),
        sa.Column("SyncedDate", sa.DateTime(), autoincrement=False, nullable=True),
        sa.Column("ReservedForChange", sa.String(length=30), autoincrement=False, nullable=True),
        sa.Column("SyncFailureReason", sa.String(length=500), autoincrement=False, nullable=True),
        sa.PrimaryKeyConstraint("ClinicalObservationID"),
        sqlite_autoincrement=True,
    )
    with op.batch_alter_table("t_benclinicalobservation", schema=None) as batch_op:
        batch_op.create_index(
            "ix_t_benclinicalobservation_pending",
            ["ClinicalObservationID"],
            unique=False,
            sqlite_where=sa.text("Processed IS NOT 'P'"),
        )

    op.create_table(
        "t_benmedhistory",
        sa.Column(
            "BenMedHistoryID",
            sa.BigInteger().with_variant(sa.Integer(), "sqlite"),
            autoincrement=True,
            nullable=False,
        ),
        sa.Column("BeneficiaryRegID", sa.BigInteger(), autoincrement=False, nullable=True),
        sa.Column("BenVisitID", sa.BigInteger(), autoincrement=False, nullable=True),
        sa.Column("ProviderServiceMapID", sa.Integer(), autoincrement=False, nullable=True),
        sa.Column("VisitCode", sa.BigInteger(), autoincrement=False, nullable=True),
        sa.Column("YearofIllness", sa.DateTime(), autoincrement=False, nullable=True),
        sa.Column("IllnessTypeID", sa.Integer(), autoincrement=False, nullable=True),
        sa.Column("IllnessType", sa.String(length=50), autoincrement=False, nullable=True),
        sa.Column("OtherIllnessType", sa.String(length=50), autoincrement=False, nullable=True),
        sa.Column("SurgeryID", sa.Integer(), autoincrement=False, nullable=True),
        sa.Column("SurgeryType", sa.String(length=50), autoincrement=False, nullable=True),
        sa.Column("YearofSurgery", sa.DateTime(), autoincrement=False, nullable=True),
        sa.Column("OtherSurgeryType", sa.String(length=50), autoincrement=False, nullable=True),
        sa.Column("DrugComplianceID", sa.Integer(), autoincrement=False, nullable=True),
        sa.Column(
            "Deleted", sa.Boolean(), server_default=sa.text("0"), autoincrement=False, nullable=True
        ),
        sa.Column(
            "Processed",
            sa.String(length=4),
            server_default=sa.text("'N'"),
            autoincrement=False,
            nullable=False,
        ),
        sa.Column("CreatedBy", sa.String(length=50), autoincrement=False, nullable=False),
        sa.Column(
            "CreatedDate",
            sa.DateTime(),
            server_default=sa.text("(CURRENT_TIMESTAMP)"),
            autoincrement=False,
            nullable=False,
        ),
        sa.Column("ModifiedBy", sa.String(length=50), autoincrement=False, nullable=True),
        sa.Column(
            "LastModDate",
            sa.DateTime(),
            server_default=sa.text("(CURRENT_TIMESTAMP)"),
            autoincrement=False,
            nullable=True,
        ),
        sa.Column("VanSerialNo", sa.BigInteger(), autoincrement=False, nullable=True),
        sa.Column("VanID", sa.Integer(), autoincrement=False, nullable=True),
        sa.Column("VehicalNo", sa.String(length=30), autoincrement=False, nullable=True),
        sa.Column("ParkingPlaceID", sa.Integer(), autoincrement=False, nullable=True),
        sa.Column("SyncedBy", sa.String(length=30), autoincrement=False, nullable=True),
        sa.Column("SyncedDate", sa.DateTime(), autoincrement=False, nullable=True),
        sa.Column("ReservedForChange", sa.String(length=30), autoincrement=False, nullable=True),
        sa.Column("SyncFailureReason", sa.String(length=500), autoincrement=False, nullable=True),
        sa.PrimaryKeyConstraint("BenMedHistoryID"),
        sqlite_autoincrement=True,
    )
    with op.batch_alter_table("t_benmedhistory", schema=None) as batch_op:
        batch_op.create_index(
            "ix_t_benmedhistory_pending",
            ["BenMedHistoryID"],
            unique=False,
            sqlite_where=sa.text("Processed IS NOT 'P'"),
        )

    op.create_table(
        "t_benvisitdetail",
        sa.Column(
            "BenVisitID",
            sa.BigInteger().with_variant(sa.Integer(), "sqlite"),
            autoincrement=True,
            nullable=False,
        ),
        sa.Column("BeneficiaryRegID", sa.BigInteger(), autoincrement=False, nullable=True),
        sa.Column("ProviderServiceMapID", sa.Integer(), autoincrement=False, nullable=True),
        sa.Column("VisitCode", sa.BigInteger(), autoincrement=False, nullable=True),
        sa.Column("VisitDateTime", sa.DateTime(), autoincrement=False, nullable=True),
        sa.Column("VisitNo", sa.Integer(), autoincrement=False, nullable=True),
        sa.Column("VisitReasonID", sa.Integer(), autoincrement=False, nullable=True),
        sa.Column("VisitReason", sa.String(length=20), autoincrement=False, nullable=True),
        sa.Column("VisitCategoryID", sa.Integer(), autoincrement=False, nullable=True),
        sa.Column("VisitCategory", sa.String(length=100), autoincrement=False, nullable=True),
        sa.Column("SubVisitCategory", sa.String(length=500), autoincrement=False, nullable=True),
        sa.Column("PregnancyStatus", sa.String(length=10), autoincrement=False, nullable=True),
        sa.Column("RCHID", sa.String(length=30), autoincrement=False, nullable=True),
        sa.Column("HealthFacilityType", sa.String(length=20), autoincrement=False, nullable=True),
        sa.Column(
            "HealthFacilityLocation", sa.String(length=100), autoincrement=False, nullable=True
        ),
        sa.Column("ReportFilePath", sa.String(length=500), autoincrement=False, nullable=True),
        sa.Column("HealthID", sa.String(length=200), autoincrement=False, nullable=True),
        sa.Column("HealthIdNumber", sa.String(length=300), autoincrement=False, nullable=True),
        sa.Column("CarecontextLinkDate", sa.DateTime(), autoincrement=False, nullable=True),
        sa.Column("screeningtype", sa.String(length=20), autoincrement=False, nullable=True),
        sa.Column("FPMethod_Followup", sa.String(length=800), autoincrement=False, nullable=True),
        sa.Column(
            "FP_Sideeffects_Other", sa.String(length=300), autoincrement=False, nullable=True
        ),
        sa.Column(
            "FPMethod_Followup_Other", sa.String(length=800), autoincrement=False, nullable=True
        ),
        sa.Column("FP_Sideeffects", sa.String(length=800), autoincrement=False, nullable=True),
        sa.Column(
            "Deleted", sa.Boolean(), server_default=sa.text("0"), autoincrement=False, nullable=True
        ),
        sa.Column(
            "Processed",
            sa.String(length=4),
            server_default=sa.text("'N'"),
            autoincrement=False,
            nullable=False,
        ),
        sa.Column("CreatedBy", sa.String(length=50), autoincrement=False, nullable=False),
        sa.Column(
            "CreatedDate",
            sa.DateTime(),
            server_default=sa.text("(CURRENT_TIMESTAMP)"),
            autoincrement=False,
            nullable=False,
        ),
        sa.Column("ModifiedBy", sa.String(length=50), autoincrement=False, nullable=True),
        sa.Column(
            "LastModDate",
            sa.DateTime(),
            server_default=sa.text("(CURRENT_TIMESTAMP)"),
            autoincrement=False,
            nullable=True,
        ),
        sa.Column("VanSerialNo", sa.BigInteger(), autoincrement=False, nullable=True),
        sa.Column("VanID", sa.Integer(), autoincrement=False, nullable=True),
        sa.Column("VehicalNo", sa.String(length=30), autoincrement=False, nullable=True),
        sa.Column("ParkingPlaceID", sa.Integer(), autoincrement=False, nullable=True),
        sa.Column("SyncedBy", sa.String(length=30), autoincrement=False, nullable=True),
        sa.Column("SyncedDate", sa.DateTime(), autoincrement=False, nullable=True),
        sa.Column("ReservedForChange", sa.String(length=30), autoincrement=False, nullable=True),
        sa.Column(
            "VisitFlowStatusFlag",
            sa.String(length=5),
            server_default=sa.text("'N'"),
            autoincrement=False,
            nullable=True,
        ),
        sa.Column("SyncFailureReason", sa.String(length=500), autoincrement=False, nullable=True),
        sa.PrimaryKeyConstraint("BenVisitID"),
        sqlite_autoincrement=True,
    )
    with op.batch_alter_table("t_benvisitdetail", schema=None) as batch_op:
        batch_op.create_index(
            "ix_t_benvisitdetail_BeneficiaryRegID", ["BeneficiaryRegID"], unique=False
        )
        batch_op.create_index(
            "ix_t_benvisitdetail_pending",
            ["BenVisitID"],
            unique=False,
            sqlite_where=sa.text("Processed IS NOT 'P'"),
        )
        batch_op.create_index("uq_t_benvisitdetail_VisitCode", ["VisitCode"], unique=True)

    op.create_table(
        "t_lab_testresult",
        sa.Column(
            "ID",
            sa.BigInteger().with_variant(sa.Integer(), "sqlite"),
            autoincrement=True,
            nullable=False,
        ),
        sa.Column("BeneficiaryRegID", sa.BigInteger(), autoincrement=False, nullable=True),
        sa.Column("BenVisitID", sa.BigInteger(), autoincrement=False, nullable=True),
        sa.Column("ProviderServiceMapID", sa.Integer(), autoincrement=False, nullable=True),
        sa.Column("VisitCode", sa.BigInteger(), autoincrement=False, nullable=True),
        sa.Column("PrescriptionID", sa.BigInteger(), autoincrement=False, nullable=True),
        sa.Column("ProcedureID", sa.Integer(), autoincrement=False, nullable=True),
        sa.Column("TestComponentID", sa.Integer(), autoincrement=False, nullable=True),
        sa.Column("TestResultValue", sa.String(length=30), autoincrement=False, nullable=True),
        sa.Column("TestResultUnit", sa.String(length=30), autoincrement=False, nullable=True),
        sa.Column("TestReportFilePath", sa.String(length=500), autoincrement=False, nullable=True),
        sa.Column("Remarks", sa.String(length=300), autoincrement=False, nullable=True),
        sa.Column("Ecgabnormalities", sa.String(length=500), autoincrement=False, nullable=True),
        sa.Column("stripsNotAvailable", sa.Boolean(), autoincrement=False, nullable=True),
        sa.Column(
            "Deleted", sa.Boolean(), server_default=sa.text("0"), autoincrement=False, nullable=True
        ),
        sa.Column(
            "Processed",
            sa.String(length=4),
            server_default=sa.text("'N'"),
            autoincrement=False,
            nullable=False,
        ),
        sa.Column("CreatedBy", sa.String(length=50), autoincrement=False, nullable=False),
        sa.Column(
            "CreatedDate",
            sa.DateTime(),
            server_default=sa.text("(CURRENT_TIMESTAMP)"),
            autoincrement=False,
            nullable=False,
        ),
        sa.Column("ModifiedBy", sa.String(length=50), autoincrement=False, nullable=True),
        sa.Column(
            "LastModDate",
            sa.DateTime(),
            server_default=sa.text("(CURRENT_TIMESTAMP)"),
            autoincrement=False,
            nullable=True,
        ),
        sa.Column("VanSerialNo", sa.BigInteger(), autoincrement=False, nullable=True),
        sa.Column("VanID", sa.Integer(), autoincrement=False, nullable=True),
        sa.Column("VehicalNo", sa.String(length=30), autoincrement=False, nullable=True),
        sa.Column("ParkingPlaceID", sa.Integer(), autoincrement=False, nullable=True),
        sa.Column("SyncedBy", sa.String(length=30), autoincrement=False, nullable=True),
        sa.Column("SyncedDate", sa.DateTime(), autoincrement=False, nullable=True),
        sa.Column("ReservedForChange", sa.String(length=30), autoincrement=False, nullable=True),
        sa.Column("SyncFailureReason", sa.String(length=500), autoincrement=False, nullable=True),
        sa.PrimaryKeyConstraint("ID"),
        sqlite_autoincrement=True,
    )
    with op.batch_alter_table("t_lab_testresult", schema=None) as batch_op:
        batch_op.create_index(
            "ix_t_lab_testresult_pending",
            ["ID"],
            unique=False,
            sqlite_where=sa.text("Processed IS NOT 'P'"),
        )

    op.create_table(
        "t_phy_generalexam",
        sa.Column(
            "ID",
            sa.BigInteger().with_variant(sa.Integer(), "sqlite"),
            autoincrement=True,
            nullable=False,
        ),
        sa.Column("BeneficiaryRegID", sa.BigInteger(), autoincrement=False, nullable=True),
        sa.Column("BenVisitID", sa.BigInteger(), autoincrement=False, nullable=True),
        sa.Column("ProviderServiceMapID", sa.Integer(), autoincrement=False, nullable=True),
        sa.Column("VisitCode", sa.BigInteger(), autoincrement=False, nullable=True),
        sa.Column("Consciousness", sa.String(length=20), autoincrement=False, nullable=True),
        sa.Column("Coherence", sa.String(length=20), autoincrement=False, nullable=True),
        sa.Column("Cooperation", sa.String(length=20), autoincrement=False, nullable=True),
        sa.Column("Comfortness", sa.String(length=20), autoincrement=False, nullable=True),
        sa.Column("BuiltAndAppearance", sa.String(length=20), autoincrement=False, nullable=True),
        sa.Column("Gait", sa.String(length=20), autoincrement=False, nullable=True),
        sa.Column("DangerSigns", sa.String(length=20), autoincrement=False, nullable=True),
        sa.Column("TypeOfDangerSign", sa.String(length=800), autoincrement=False, nullable=True),
        sa.Column("Pallor", sa.String(length=20), autoincrement=False, nullable=True),
        sa.Column("Jaundice", sa.String(length=20), autoincrement=False, nullable=True),
        sa.Column("Cyanosis", sa.String(length=20), autoincrement=False, nullable=True),
        sa.Column("Clubbing", sa.String(length=20), autoincrement=False, nullable=True),
        sa.Column("Lymphadenopathy", sa.String(length=20), autoincrement=False, nullable=True),
        sa.Column("LymphnodesInvolved", sa.String(length=20), autoincrement=False, nullable=True),
        sa.Column(
            "TypeOfLymphadenopathy", sa.String(length=20), autoincrement=False, nullable=True
        ),
        sa.Column("Edema", sa.String(length=20), autoincrement=False, nullable=True),
        sa.Column("ExtentOfEdema", sa.String(length=20), autoincrement=False, nullable=True),
        sa.Column("EdemaType", sa.String(length=20), autoincrement=False, nullable=True),
        sa.Column(
            "Deleted", sa.Boolean(), server_default=sa.text("0"), autoincrement=False, nullable=True
        ),
        sa.Column(
            "Processed",
            sa.String(length=4),
            server_default=sa.text("'N'"),
            autoincrement=False,
            nullable=False,
        ),
        sa.Column("CreatedBy", sa.String(length=50), autoincrement=False, nullable=False),
        sa.Column(
            "CreatedDate",
            sa.DateTime(),
            server_default=sa.text("(CURRENT_TIMESTAMP)"),
            autoincrement=False,
            nullable=False,
        ),
        sa.Column("ModifiedBy", sa.String(length=50), autoincrement=False, nullable=True),
        sa.Column(
            "LastModDate",
            sa.DateTime(),
            server_default=sa.text("(CURRENT_TIMESTAMP)"),
            autoincrement=False,
            nullable=True,
        ),
        sa.Column("VanSerialNo", sa.BigInteger(), autoincrement=False, nullable=True),
        sa.Column("VanID", sa.Integer(), autoincrement=False, nullable=True),
        sa.Column("VehicalNo", sa.String(length=30), autoincrement=False, nullable=True),
        sa.Column("ParkingPlaceID", sa.Integer(), autoincrement=False, nullable=True),
        sa.Column("SyncedBy", sa.String(length=30), autoincrement=False, nullable=True),
        sa.Column("SyncedDate", sa.DateTime(), autoincrement=False, nullable=True),
        sa.Column("ReservedForChange", sa.String(length=30), autoincrement=False, nullable=True),
        sa.Column("Quickening", sa.String(length=20), autoincrement=False, nullable=True),
        sa.Column("Foetal_movements", sa.String(length=20), autoincrement=False, nullable=True),
        sa.Column("SyncFailureReason", sa.String(length=500), autoincrement=False, nullable=True),
        sa.PrimaryKeyConstraint("ID"),
        sqlite_autoincrement=True,
    )
    with op.batch_alter_table("t_phy_generalexam", schema=None) as batch_op:
        batch_op.create_index(
            "ix_t_phy_generalexam_pending",
            ["ID"],
            unique=False,
            sqlite_where=sa.text("Processed IS NOT 'P'"),
        )

    op.create_table(
        "temp_van",
        sa.Column(
            "TempVanID",
            sa.BigInteger().with_variant(sa.Integer(), "sqlite"),
            autoincrement=True,
            nullable=False,
        ),
        sa.Column("VanID", sa.Integer(), autoincrement=False, nullable=True),
        sa.Column("VanName", sa.String(length=30), autoincrement=False, nullable=True),
        sa.Column("VehicalNo", sa.String(length=30), autoincrement=False, nullable=True),
        sa.Column("ProviderServiceMapID", sa.Integer(), autoincrement=False, nullable=True),
        sa.Column("ParkingPlaceID", sa.Integer(), autoincrement=False, nullable=True),
        sa.Column(
            "Deleted", sa.Boolean(), server_default=sa.text("0"), autoincrement=False, nullable=True
        ),
        sa.Column(
            "Processed",
            sa.String(length=4),
            server_default=sa.text("'N'"),
            autoincrement=False,
            nullable=False,
        ),
        sa.Column("CreatedBy", sa.String(length=50), autoincrement=False, nullable=False),
        sa.Column(
            "CreatedDate",
            sa.DateTime(),
            server_default=sa.text("(CURRENT_TIMESTAMP)"),
            autoincrement=False,
            nullable=False,
        ),
        sa.Column("ModifiedBy", sa.String(length=50), autoincrement=False, nullable=True),
        sa.Column(
            "LastModDate",
            sa.DateTime(),
            server_default=sa.text("(CURRENT_TIMESTAMP)"),
            autoincrement=False,
            nullable=True,
        ),
        sa.PrimaryKeyConstraint("TempVanID"),
        sqlite_autoincrement=True,
    )
    op.create_table(
        "i_beneficiarymapping",
        sa.Column(
            "BenMapId",
            sa.BigInteger().with_variant(sa.Integer(), "sqlite"),
            autoincrement=True,
            nullable=False,
        ),
        sa.Column("BenRegId", sa.BigInteger(), autoincrement=False, nullable=False),
        sa.Column("BenDetailsId", sa.BigInteger(), autoincrement=False, nullable=False),
        sa.Column("BenAddressId", sa.BigInteger(), autoincrement=False, nullable=False),
        sa.Column("BenImageId", sa.BigInteger(), autoincrement=False, nullable=True),
        sa.Column("BenContactsId", sa.BigInteger(), autoincrement=False, nullable=False),
        sa.Column("BenConsentId", sa.BigInteger(), autoincrement=False, nullable=True),
        sa.Column("BenAccountID", sa.BigInteger(), autoincrement=False, nullable=True),
        sa.Column("BenSecureStackId", sa.Integer(), autoincrement=False, nullable=True),
        sa.Column(
            "Deleted",
            sa.Boolean(),
            server_default=sa.text("0"),
            autoincrement=False,
            nullable=False,
        ),
        sa.Column(
            "Processed",
            sa.String(length=4),
            server_default=sa.text("'N'"),
            autoincrement=False,
            nullable=False,
        ),
        sa.Column("CreatedBy", sa.String(length=50), autoincrement=False, nullable=False),
        sa.Column(
            "CreatedDate",
            sa.DateTime(),
            server_default=sa.text("(CURRENT_TIMESTAMP)"),
            autoincrement=False,
            nullable=False,
        ),
        sa.Column(
            "Reserved",
            sa.Boolean(),
            server_default=sa.text("0"),
            autoincrement=False,
            nullable=True,
        ),
        sa.Column("ReservedFor", sa.String(length=45), autoincrement=False, nullable=True),
        sa.Column("ReservedOn", sa.String(length=45), autoincrement=False, nullable=True),
        sa.Column("ReservedById", sa.Integer(), autoincrement=False, nullable=True),
        sa.Column("ModifiedBy", sa.String(length=50), autoincrement=False, nullable=True),
        sa.Column(
            "LastModDate",
            sa.DateTime(),
            server_default=sa.text("(CURRENT_TIMESTAMP)"),
            autoincrement=False,
            nullable=True,
        ),
        sa.Column("VanSerialNo", sa.BigInteger(), autoincrement=False, nullable=True),
        sa.Column("VanID", sa.Integer(), autoincrement=False, nullable=True),
        sa.Column("VehicalNo", sa.String(length=30), autoincrement=False, nullable=True),
        sa.Column("ParkingPlaceID", sa.Integer(), autoincrement=False, nullable=True),
        sa.Column("SyncedBy", sa.String(length=30), autoincrement=False, nullable=True),
        sa.Column("SyncedDate", sa.DateTime(), autoincrement=False, nullable=True),
        sa.Column("ReservedForChange", sa.String(length=30), autoincrement=False, nullable=True),
        sa.Column("SyncFailureReason", sa.String(length=500), autoincrement=False, nullable=True),
        sa.ForeignKeyConstraint(
            ["BenAddressId"],
            ["i_beneficiaryaddress.BenAddressID"],
        ),
        sa.ForeignKeyConstraint(
            ["BenContactsId"],
            ["i_beneficiarycontacts.BenContactsID"],
        ),
        sa.ForeignKeyConstraint(
            ["BenDetailsId"],
            ["i_beneficiarydetails.BeneficiaryDetailsId"],
        ),
        sa.ForeignKeyConstraint(
            ["BenRegId"],
            ["m_beneficiaryregidmapping.BenRegId"],
        ),
        sa.PrimaryKeyConstraint("BenMapId"),
        sqlite_autoincrement=True,
    )
    with op.batch_alter_table("i_beneficiarymapping", schema=None) as batch_op:
        batch_op.create_index(
            "ix_i_beneficiarymapping_pending",
            ["BenMapId"],
            unique=False,
            sqlite_where=sa.text("Processed IS NOT 'P'"),
        )
        batch_op.create_index("uq_i_beneficiarymapping_BenRegId_UNIQUE", ["BenRegId"], unique=True)

    op.create_table(
        "t_benchiefcomplaint",
        sa.Column(
            "ID",
            sa.BigInteger().with_variant(sa.Integer(), "sqlite"),
            autoincrement=True,
            nullable=False,
        ),
        sa.Column("BeneficiaryRegID", sa.BigInteger(), autoincrement=False, nullable=True),
        sa.Column("BenVisitID", sa.BigInteger(), autoincrement=False, nullable=True),
        sa.Column("ProviderServiceMapID", sa.Integer(), autoincrement=False, nullable=True),
        sa.Column("VisitCode", sa.BigInteger(), autoincrement=False, nullable=True),
        sa.Column("ChiefComplaintID", sa.Integer(), autoincrement=False, nullable=True),
        sa.Column("ChiefComplaint", sa.String(length=100), autoincrement=False, nullable=True),
        sa.Column("SCTDesID", sa.Integer(), autoincrement=False, nullable=True),
        sa.Column("SCTCode", sa.String(length=30), autoincrement=False, nullable=True),
        sa.Column("SCTChiefComplaint", sa.String(length=500), autoincrement=False, nullable=True),
        sa.Column("Duration", sa.Integer(), autoincrement=False, nullable=True),
        sa.Column("UnitOfDuration", sa.String(length=30), autoincrement=False, nullable=True),
        sa.Column("Description", sa.String(length=300), autoincrement=False, nullable=True),
        sa.Column(
            "Deleted", sa.Boolean(), server_default=sa.text("0"), autoincrement=False, nullable=True
        ),
        sa.Column(
            "Processed",
            sa.String(length=4),
            server_default=sa.text("'N'"),
            autoincrement=False,
            nullable=False,
        ),
        sa.Column("CreatedBy", sa.String(length=50), autoincrement=False, nullable=False),
        sa.Column(
            "CreatedDate",
            sa.DateTime(),
            server_default=sa.text("(CURRENT_TIMESTAMP)"),
            autoincrement=False,
            nullable=False,
        ),
        sa.Column("ModifiedBy", sa.String(length=50), autoincrement=False, nullable=True),
        sa.Column(
            "LastModDate",
            sa.DateTime(),
            server_default=sa.text("(CURRENT_TIMESTAMP)"),
            autoincrement=False,
            nullable=True,
        ),
        sa.Column("VanSerialNo", sa.BigInteger(), autoincrement=False, nullable=True),
        sa.Column("VanID", sa.Integer(), autoincrement=False, nullable=True),
        sa.Column("VehicalNo", sa.String(length=30), autoincrement=False, nullable=True),
        sa.Column("ParkingPlaceID", sa.Integer(), autoincrement=False, nullable=True),
        sa.Column("SyncedBy", sa.String(length=30), autoincrement=False, nullable=True),
        sa.Column("SyncedDate", sa.DateTime(), autoincrement=False, nullable=True),
        sa.Column("ReservedForChange", sa.String(length=30), autoincrement=False, nullable=True),
        sa.Column("SyncFailureReason", sa.String(length=500), autoincrement=False, nullable=True),
        sa.ForeignKeyConstraint(
            ["BenVisitID"],
            ["t_benvisitdetail.BenVisitID"],
        ),
        sa.PrimaryKeyConstraint("ID"),
        sqlite_autoincrement=True,
    )
    with op.batch_alter_table("t_benchiefcomplaint", schema=None) as batch_op:
        batch_op.create_index(
            "ix_t_benchiefcomplaint_pending",
            ["ID"],
            unique=False,
            sqlite_where=sa.text("Processed IS NOT 'P'"),
        )

    op.create_table(
        "t_benreferdetails",
        sa.Column(
            "benReferID",
            sa.BigInteger().with_variant(sa.Integer(), "sqlite"),
            autoincrement=True,
            nullable=False,
        ),
        sa.Column("BeneficiaryRegID", sa.BigInteger(), autoincrement=False, nullable=True),
        sa.Column("BenVisitID", sa.BigInteger(), autoincrement=False, nullable=True),
        sa.Column("ProviderServiceMapID", sa.Integer(), autoincrement=False, nullable=True),
        sa.Column("VisitCode", sa.BigInteger(), autoincrement=False, nullable=True),
        sa.Column("referredToInstituteID", sa.Integer(), autoincrement=False, nullable=True),
        sa.Column(
            "referredToInstituteName", sa.String(length=100), autoincrement=False, nullable=True
        ),
        sa.Column(
            "OtherReferredToInstituteName",
            sa.String(length=300),
            autoincrement=False,
            nullable=True,
        ),
        sa.Column("serviceID", sa.Integer(), autoincrement=False, nullable=True),
        sa.Column("serviceName", sa.String(length=45), autoincrement=False, nullable=True),
        sa.Column(
            "Deleted", sa.Boolean(), server_default=sa.text("0"), autoincrement=False, nullable=True
        ),
        sa.Column(
            "Processed",
            sa.String(length=4),
            server_default=sa.text("'N'"),
            autoincrement=False,
            nullable=True,
        ),
        sa.Column("CreatedBy", sa.String(length=50), autoincrement=False, nullable=True),
        sa.Column(
            "CreatedDate",
            sa.DateTime(),
            server_default=sa.text("(CURRENT_TIMESTAMP)"),
            autoincrement=False,
            nullable=True,
        ),
        sa.Column("ModifiedBy", sa.String(length=50), autoincrement=False, nullable=True),
        sa.Column(
            "LastModDate",
            sa.DateTime(),
            server_default=sa.text("(CURRENT_TIMESTAMP)"),
            autoincrement=False,
            nullable=True,
        ),
        sa.Column("VanSerialNo", sa.BigInteger(), autoincrement=False, nullable=True),
        sa.Column("VanID", sa.Integer(), autoincrement=False, nullable=True),
        sa.Column("VehicalNo", sa.String(length=45), autoincrement=False, nullable=True),
        sa.Column("ParkingPlaceID", sa.Integer(), autoincrement=False, nullable=True),
        sa.Column("SyncedBy", sa.String(length=45), autoincrement=False, nullable=True),
        sa.Column("SyncedDate", sa.DateTime(), autoincrement=False, nullable=True),
        sa.Column("ReservedForChange", sa.String(length=45), autoincrement=False, nullable=True),
        sa.Column("revisitdate", sa.DateTime(), autoincrement=False, nullable=True),
        sa.Column("referralreason", sa.String(length=800), autoincrement=False, nullable=True),
        sa.Column("OtherReferralReason", sa.String(length=300), autoincrement=False, nullable=True),
        sa.Column("SyncFailureReason", sa.String(length=500), autoincrement=False, nullable=True),
        sa.ForeignKeyConstraint(
            ["BenVisitID"],
            ["t_benvisitdetail.BenVisitID"],
        ),
        sa.PrimaryKeyConstraint("benReferID"),
        sqlite_autoincrement=True,
    )
    with op.batch_alter_table("t_benreferdetails", schema=None) as batch_op:
        batch_op.create_index(
            "ix_t_benreferdetails_pending",
            ["benReferID"],
            unique=False,
            sqlite_where=sa.text("Processed IS NOT 'P'"),
        )

    op.create_table(
        "t_lab_testorder",
        sa.Column(
            "ID",
            sa.BigInteger().with_variant(sa.Integer(), "sqlite"),
            autoincrement=True,
            nullable=False,
        ),
        sa.Column("BeneficiaryRegID", sa.BigInteger(), autoincrement=False, nullable=True),
        sa.Column("BenVisitID", sa.BigInteger(), autoincrement=False, nullable=True),
        sa.Column("ProviderServiceMapID", sa.Integer(), autoincrement=False, nullable=True),
        sa.Column("VisitCode", sa.BigInteger(), autoincrement=False, nullable=True),
        sa.Column("PrescriptionID", sa.BigInteger(), autoincrement=False, nullable=True),
        sa.Column("ProcedureID", sa.Integer(), autoincrement=False, nullable=True),
        sa.Column("ProcedureName", sa.String(length=100), autoincrement=False, nullable=True),
        sa.Column("TestingRequirements", sa.String(length=50), autoincrement=False, nullable=True),
        sa.Column(
            "Deleted", sa.Boolean(), server_default=sa.text("0"), autoincrement=False, nullable=True
        ),
        sa.Column(
            "Processed",
            sa.String(length=4),
            server_default=sa.text("'N'"),
            autoincrement=False,
            nullable=False,
        ),
        sa.Column("CreatedBy", sa.String(length=50), autoincrement=False, nullable=False),
        sa.Column(
            "CreatedDate",
            sa.DateTime(),
            server_default=sa.text("(CURRENT_TIMESTAMP)"),
            autoincrement=False,
            nullable=False,
        ),
        sa.Column("ModifiedBy", sa.String(length=50), autoincrement=False, nullable=True),
        sa.Column(
            "LastModDate",
            sa.DateTime(),
            server_default=sa.text("(CURRENT_TIMESTAMP)"),
            autoincrement=False,
            nullable=True,
        ),
        sa.Column("VanSerialNo", sa.BigInteger(), autoincrement=False, nullable=True),
        sa.Column("VanID", sa.Integer(), autoincrement=False, nullable=True),
        sa.Column("VehicalNo", sa.String(length=30), autoincrement=False, nullable=True),
        sa.Column("ParkingPlaceID", sa.Integer(), autoincrement=False, nullable=True),
        sa.Column("SyncedBy", sa.String(length=30), autoincrement=False, nullable=True),
        sa.Column("SyncedDate", sa.DateTime(), autoincrement=False, nullable=True),
        sa.Column("ReservedForChange", sa.String(length=30), autoincrement=False, nullable=True),
        sa.Column("SyncFailureReason", sa.String(length=500), autoincrement=False, nullable=True),
        sa.ForeignKeyConstraint(
            ["BenVisitID"],
            ["t_benvisitdetail.BenVisitID"],
        ),
        sa.PrimaryKeyConstraint("ID"),
        sqlite_autoincrement=True,
    )
    with op.batch_alter_table("t_lab_testorder", schema=None) as batch_op:
        batch_op.create_index(
            "ix_t_lab_testorder_pending",
            ["ID"],
            unique=False,
            sqlite_where=sa.text("Processed IS NOT 'P'"),
        )

    op.create_table(
        "t_phy_anthropometry",
        sa.Column(
            "ID",
            sa.BigInteger().with_variant(sa.Integer(), "sqlite"),
            autoincrement=True,
            nullable=False,
        ),
        sa.Column("BeneficiaryRegID", sa.BigInteger(), autoincrement=False, nullable=True),
        sa.Column("BenVisitID", sa.BigInteger(), autoincrement=False, nullable=True),
        sa.Column("ProviderServiceMapID", sa.Integer(), autoincrement=False, nullable=True),
        sa.Column("VisitCode", sa.BigInteger(), autoincrement=False, nullable=True),
        sa.Column(
            "Weight_Kg",
            sa.Numeric(precision=5, scale=2, asdecimal=False),
            autoincrement=False,
            nullable=True,
        ),
        sa.Column(
            "Height_cm",
            sa.Numeric(precision=5, scale=2, asdecimal=False),
            autoincrement=False,
            nullable=True,
        ),
        sa.Column(
            "BMI",
            sa.Numeric(precision=5, scale=2, asdecimal=False),
            autoincrement=False,
            nullable=True,
        ),
        sa.Column(
            "HeadCircumference_cm",
            sa.Numeric(precision=5, scale=2, asdecimal=False),
            autoincrement=False,
            nullable=True,
        ),
        sa.Column(
            "MidUpperArmCircumference_MUAC_cm",
            sa.Numeric(precision=5, scale=2, asdecimal=False),
            autoincrement=False,
            nullable=True,
        ),
        sa.Column(
            "WaistCircumference_cm",
            sa.Numeric(precision=5, scale=2, asdecimal=False),
            autoincrement=False,
            nullable=True,
        ),
        sa.Column(
            "HipCircumference_cm",
            sa.Numeric(precision=5, scale=2, asdecimal=False),
            autoincrement=False,
            nullable=True,
        ),
        sa.Column(
            "WaistHipRatio",
            sa.Numeric(precision=5, scale=2, asdecimal=False),
            autoincrement=False,
            nullable=True,
        ),
        sa.Column(
            "Deleted", sa.Boolean(), server_default=sa.text("0"), autoincrement=False, nullable=True
        ),
        sa.Column(
            "Processed",
            sa.String(length=4),
            server_default=sa.text("'N'"),
            autoincrement=False,
            nullable=False,
        ),
        sa.Column("CreatedBy", sa.String(length=50), autoincrement=False, nullable=False),
        sa.Column(
            "CreatedDate",
            sa.DateTime(),
            server_default=sa.text("(CURRENT_TIMESTAMP)"),
            autoincrement=False,
            nullable=False,
        ),
        sa.Column("ModifiedBy", sa.String(length=50), autoincrement=False, nullable=True),
        sa.Column(
            "LastModDate",
            sa.DateTime(),
            server_default=sa.text("(CURRENT_TIMESTAMP)"),
            autoincrement=False,
            nullable=True,
        ),
        sa.Column("VanSerialNo", sa.BigInteger(), autoincrement=False, nullable=True),
        sa.Column("VanID", sa.Integer(), autoincrement=False, nullable=True),
        sa.Column("VehicalNo", sa.String(length=30), autoincrement=False, nullable=True),
        sa.Column("ParkingPlaceID", sa.Integer(), autoincrement=False, nullable=True),
        sa.Column("SyncedBy", sa.String(length=30), autoincrement=False, nullable=True),
        sa.Column("SyncedDate", sa.DateTime(), autoincrement=False, nullable=True),
        sa.Column("ReservedForChange", sa.String(length=30), autoincrement=False, nullable=True),
        sa.Column("SyncFailureReason", sa.String(length=500), autoincrement=False, nullable=True),
        sa.ForeignKeyConstraint(
            ["BenVisitID"],
            ["t_benvisitdetail.BenVisitID"],
        ),
        sa.PrimaryKeyConstraint("ID"),
        sqlite_autoincrement=True,
    )
    with op.batch_alter_table("t_phy_anthropometry", schema=None) as batch_op:
        batch_op.create_index(
            "ix_t_phy_anthropometry_pending",
            ["ID"],
            unique=False,
            sqlite_where=sa.text("Processed IS NOT 'P'"),
        )

    op.create_table(
        "t_phy_vitals",
        sa.Column(
            "ID",
            sa.BigInteger().with_variant(sa.Integer(), "sqlite"),
            autoincrement=True,
            nullable=False,
        ),
        sa.Column("BeneficiaryRegID", sa.BigInteger(), autoincrement=False, nullable=True),
        sa.Column("BenVisitID", sa.BigInteger(), autoincrement=False, nullable=True),
        sa.Column("ProviderServiceMapID", sa.Integer(), autoincrement=False, nullable=True),
        sa.Column("VisitCode", sa.BigInteger(), autoincrement=False, nullable=True),
        sa.Column(
            "Temperature",
            sa.Numeric(precision=5, scale=1, asdecimal=False),
            autoincrement=False,
            nullable=True,
        ),
        sa.Column("PulseRate", sa.Integer(), autoincrement=False, nullable=True),
        sa.Column("RespiratoryRate", sa.Integer(), autoincrement=False, nullable=True),
        sa.Column("SystolicBP_1stReading", sa.Integer(), autoincrement=False, nullable=True),
        sa.Column("DiastolicBP_1stReading", sa.Integer(), autoincrement=False, nullable=True),
        sa.Column("SystolicBP_2ndReading", sa.Integer(), autoincrement=False, nullable=True),
        sa.Column("DiastolicBP_2ndReading", sa.Integer(), autoincrement=False, nullable=True),
        sa.Column("SystolicBP_3rdReading", sa.Integer(), autoincrement=False, nullable=True),
        sa.Column("DiastolicBP_3rdReading", sa.Integer(), autoincrement=False, nullable=True),
        sa.Column("AverageSystolicBP", sa.Integer(), autoincrement=False, nullable=True),
        sa.Column("AverageDiastolicBP", sa.Integer(), autoincrement=False, nullable=True),
        sa.Column("BloodPressureStatusID", sa.Integer(), autoincrement=False, nullable=True),
        sa.Column("BloodPressureStatus", sa.String(length=30), autoincrement=False, nullable=True),
        sa.Column("BloodGlucose_Fasting", sa.Integer(), autoincrement=False, nullable=True),
        sa.Column("BloodGlucose_Random", sa.Integer(), autoincrement=False, nullable=True),
        sa.Column("BloodGlucose_2hr_PP", sa.Integer(), autoincrement=False, nullable=True),
        sa.Column("BloodGlucose_NotSpecified", sa.Integer(), autoincrement=False, nullable=True),
        sa.Column("DiabeticStatusID", sa.Integer(), autoincrement=False, nullable=True),
        sa.Column("DiabeticStatus", sa.String(length=30), autoincrement=False, nullable=True),
        sa.Column("CapillaryRefillTime", sa.String(length=15), autoincrement=False, nullable=True),
        sa.Column("rbs", sa.String(length=30), autoincrement=False, nullable=True),
        sa.Column("spo2", sa.String(length=30), autoincrement=False, nullable=True),
        sa.Column("rbs_remarks", sa.String(length=100), autoincrement=False, nullable=True),
        sa.Column(
            "Hemoglobin",
            sa.Numeric(precision=5, scale=1, asdecimal=False),
            autoincrement=False,
            nullable=True,
        ),
        sa.Column(
            "Deleted", sa.Boolean(), server_default=sa.text("0"), autoincrement=False, nullable=True
        ),
        sa.Column(
            "Processed",
            sa.String(length=4),
            server_default=sa.text("'N'"),
            autoincrement=False,
            nullable=False,
        ),
        sa.Column("CreatedBy", sa.String(length=50), autoincrement=False, nullable=False),
        sa.Column(
            "CreatedDate",
            sa.DateTime(),
            server_default=sa.text("(CURRENT_TIMESTAMP)"),
            autoincrement=False,
            nullable=False,
        ),
        sa.Column("ModifiedBy", sa.String(length=50), autoincrement=False, nullable=True),
        sa.Column(
            "LastModDate",
            sa.DateTime(),
            server_default=sa.text("(CURRENT_TIMESTAMP)"),
            autoincrement=False,
            nullable=True,
        ),
        sa.Column("VanSerialNo", sa.BigInteger(), autoincrement=False, nullable=True),
        sa.Column("VanID", sa.Integer(), autoincrement=False, nullable=True),
        sa.Column("VehicalNo", sa.String(length=30), autoincrement=False, nullable=True),
        sa.Column("ParkingPlaceID", sa.Integer(), autoincrement=False, nullable=True),
        sa.Column("SyncedBy", sa.String(length=30), autoincrement=False, nullable=True),
        sa.Column("SyncedDate", sa.DateTime(), autoincrement=False, nullable=True),
        sa.Column("ReservedForChange", sa.String(length=30), autoincrement=False, nullable=True),
        sa.Column("SyncFailureReason", sa.String(length=500), autoincrement=False, nullable=True),
        sa.ForeignKeyConstraint(
            ["BenVisitID"],
            ["t_benvisitdetail.BenVisitID"],
        ),
        sa.PrimaryKeyConstraint("ID"),
        sqlite_autoincrement=True,
    )
    with op.batch_alter_table("t_phy_vitals", schema=None) as batch_op:
        batch_op.create_index(
            "ix_t_phy_vitals_pending",
            ["ID"],
            unique=False,
            sqlite_where=sa.text("Processed IS NOT 'P'"),
        )

    op.create_table(
        "t_prescription",
        sa.Column(
            "PrescriptionID",
            sa.BigInteger().with_variant(sa.Integer(), "sqlite"),
            autoincrement=True,
            nullable=False,
        ),
        sa.Column("BeneficiaryRegID", sa.BigInteger(), autoincrement=False, nullable=True),
        sa.Column("BenVisitID", sa.BigInteger(), autoincrement=False, nullable=True),
        sa.Column("ProviderServiceMapID", sa.Integer(), autoincrement=False, nullable=True),
        sa.Column("VisitCode", sa.BigInteger(), autoincrement=False, nullable=True),
        sa.Column("DiagnosisProvided", sa.Text(), autoincrement=False, nullable=True),
        sa.Column("DiagnosisProvided_SCTCode", sa.Text(), autoincrement=False, nullable=True),
        sa.Column("DiagnosisProvided_SCTTerm", sa.Text(), autoincrement=False, nullable=True),
        sa.Column("Instruction", sa.String(length=300), autoincrement=False, nullable=True),
        sa.Column(
            "ConfirmatoryDiagnosis", sa.String(length=300), autoincrement=False, nullable=True
        ),
        sa.Column(
            "ExternalInvestigation", sa.String(length=300), autoincrement=False, nullable=True
        ),
        sa.Column("Remarks", sa.String(length=100), autoincrement=False, nullable=True),
        sa.Column("ReferredToInstituteID", sa.Integer(), autoincrement=False, nullable=True),
        sa.Column("ReferredToInstitute", sa.String(length=200), autoincrement=False, nullable=True),
        sa.Column(
            "RefrredToAdditionalService", sa.String(length=100), autoincrement=False, nullable=True
        ),
        sa.Column(
            "treatments_SideEffects", sa.String(length=100), autoincrement=False, nullable=True
        ),
        sa.Column(
            "Counsellingprovided", sa.String(length=1200), autoincrement=False, nullable=True
        ),
        sa.Column(
            "Deleted", sa.Boolean(), server_default=sa.text("0"), autoincrement=False, nullable=True
        ),
        sa.Column(
            "Processed",
            sa.String(length=4),
            server_default=sa.text("'N'"),
            autoincrement=False,
            nullable=False,
        ),
        sa.Column("CreatedBy", sa.String(length=50), autoincrement=False, nullable=False),
        sa.Column(
            "CreatedDate",
            sa.DateTime(),
            server_default=sa.text("(CURRENT_TIMESTAMP)"),
            autoincrement=False,
            nullable=False,
        ),
        sa.Column("ModifiedBy", sa.String(length=50), autoincrement=False, nullable=True),
        sa.Column(
            "LastModDate",
            sa.DateTime(),
            server_default=sa.text("(CURRENT_TIMESTAMP)"),
            autoincrement=False,
            nullable=True,
        ),
        sa.Column("VanSerialNo", sa.BigInteger(), autoincrement=False, nullable=True),
        sa.Column("VanID", sa.Integer(), autoincrement=False, nullable=True),
        sa.Column("VehicalNo", sa.String(length=30), autoincrement=False, nullable=True),
        sa.Column("ParkingPlaceID", sa.Integer(), autoincrement=False, nullable=True),
        sa.Column("SyncedBy", sa.String(length=30), autoincrement=False, nullable=True),
        sa.Column("SyncedDate", sa.DateTime(), autoincrement=False, nullable=True),
        sa.Column("ReservedForChange", sa.String(length=30), autoincrement=False, nullable=True),
        sa.Column("SyncFailureReason", sa.String(length=500), autoincrement=False, nullable=True),
        sa.ForeignKeyConstraint(
            ["BenVisitID"],
            ["t_benvisitdetail.BenVisitID"],
        ),
        sa.PrimaryKeyConstraint("PrescriptionID"),
        sqlite_autoincrement=True,
    )
    with op.batch_alter_table("t_prescription", schema=None) as batch_op:
        batch_op.create_index(
            "ix_t_prescription_pending",
            ["PrescriptionID"],
            unique=False,
            sqlite_where=sa.text("Processed IS NOT 'P'"),
        )

    op.create_table(
        "i_beneficiaryidentity",
        sa.Column(
            "BenIdentityId",
            sa.BigInteger().with_variant(sa.Integer(), "sqlite"),
            autoincrement=True,
            nullable=False,
        ),
        sa.Column("BenMapId", sa.BigInteger(), autoincrement=False, nullable=False),
        sa.Column("IdentityName", sa.String(length=20), autoincrement=False, nullable=True),
        sa.Column("IdentityNameId", sa.Integer(), autoincrement=False, nullable=True),
        sa.Column("IdentityType", sa.String(length=20), autoincrement=False, nullable=True),
        sa.Column("IdentityTypeId", sa.Integer(), autoincrement=False, nullable=True),
        sa.Column("IdentityNo", sa.String(length=30), autoincrement=False, nullable=True),
        sa.Column("IdentityFilePath", sa.String(length=100), autoincrement=False, nullable=True),
        sa.Column("IssueDate", sa.DateTime(), autoincrement=False, nullable=True),
        sa.Column("ExpiryDate", sa.DateTime(), autoincrement=False, nullable=True),
        sa.Column("IsVerified", sa.Boolean(), autoincrement=False, nullable=True),
        sa.Column(
            "Deleted", sa.Boolean(), server_default=sa.text("0"), autoincrement=False, nullable=True
        ),
        sa.Column(
            "Processed",
            sa.String(length=4),
            server_default=sa.text("'N'"),
            autoincrement=False,
            nullable=False,
        ),
        sa.Column("CreatedBy", sa.String(length=50), autoincrement=False, nullable=False),
        sa.Column(
            "CreatedDate",
            sa.DateTime(),
            server_default=sa.text("(CURRENT_TIMESTAMP)"),
            autoincrement=False,
            nullable=False,
        ),
        sa.Column(
            "Reserved",
            sa.Boolean(),
            server_default=sa.text("0"),
            autoincrement=False,
            nullable=True,
        ),
        sa.Column("ReservedFor", sa.String(length=45), autoincrement=False, nullable=True),
        sa.Column("ReservedOn", sa.String(length=45), autoincrement=False, nullable=True),
        sa.Column("ReservedById", sa.Integer(), autoincrement=False, nullable=True),
        sa.Column("ModifiedBy", sa.String(length=50), autoincrement=False, nullable=True),
        sa.Column(
            "LastModDate",
            sa.DateTime(),
            server_default=sa.text("(CURRENT_TIMESTAMP)"),
            autoincrement=False,
            nullable=True,
        ),
        sa.Column("VanSerialNo", sa.BigInteger(), autoincrement=False, nullable=True),
        sa.Column("VanID", sa.Integer(), autoincrement=False, nullable=True),
        sa.Column("VehicalNo", sa.String(length=30), autoincrement=False, nullable=True),
        sa.Column("ParkingPlaceID", sa.Integer(), autoincrement=False, nullable=True),
        sa.Column("SyncedBy", sa.String(length=30), autoincrement=False, nullable=True),
        sa.Column("SyncedDate", sa.DateTime(), autoincrement=False, nullable=True),
        sa.Column("ReservedForChange", sa.String(length=30), autoincrement=False, nullable=True),
        sa.Column("SyncFailureReason", sa.String(length=500), autoincrement=False, nullable=True),
        sa.ForeignKeyConstraint(
            ["BenMapId"],
            ["i_beneficiarymapping.BenMapId"],
        ),
        sa.PrimaryKeyConstraint("BenIdentityId"),
        sqlite_autoincrement=True,
    )
    with op.batch_alter_table("i_beneficiaryidentity", schema=None) as batch_op:
        batch_op.create_index(
            "ix_i_beneficiaryidentity_pending",
            ["BenIdentityId"],
            unique=False,
            sqlite_where=sa.text("Processed IS NOT 'P'"),
        )

    op.create_table(
        "t_prescribeddrug",
        sa.Column(
            "PrescribedDrugID",
            sa.BigInteger().with_variant(sa.Integer(), "sqlite"),
            autoincrement=True,
            nullable=False,
        ),
        sa.Column("BeneficiaryRegID", sa.BigInteger(), autoincrement=False, nullable=True),
        sa.Column("BenVisitID", sa.BigInteger(), autoincrement=False, nullable=True),
        sa.Column("ProviderServiceMapID", sa.Integer(), autoincrement=False, nullable=True),
        sa.Column("VisitCode", sa.BigInteger(), autoincrement=False, nullable=True),
        sa.Column("PrescriptionID", sa.BigInteger(), autoincrement=False, nullable=True),
        sa.Column("DrugForm", sa.String(length=15), autoincrement=False, nullable=True),
        sa.Column("DrugID", sa.Integer(), autoincrement=False, nullable=True),
        sa.Column("GenericDrugName", sa.String(length=300), autoincrement=False, nullable=True),
        sa.Column("DrugTradeOrBrandName", sa.String(length=50), autoincrement=False, nullable=True),
        sa.Column("DrugStrength", sa.String(length=50), autoincrement=False, nullable=True),
        sa.Column("Dose", sa.String(length=30), autoincrement=False, nullable=True),
        sa.Column("Route", sa.String(length=30), autoincrement=False, nullable=True),
        sa.Column("Frequency", sa.String(length=30), autoincrement=False, nullable=True),
        sa.Column("Duration", sa.String(length=30), autoincrement=False, nullable=True),
        sa.Column("DuartionUnit", sa.String(length=30), autoincrement=False, nullable=True),
        sa.Column("RelationToFood", sa.String(length=20), autoincrement=False, nullable=True),
        sa.Column("SpecialInstruction", sa.String(length=100), autoincrement=False, nullable=True),
        sa.Column("QtyPrescribed", sa.Integer(), autoincrement=False, nullable=True),
        sa.Column("Sctcode", sa.String(length=30), autoincrement=False, nullable=True),
        sa.Column("SctTerm", sa.String(length=500), autoincrement=False, nullable=True),
        sa.Column(
            "Deleted", sa.Boolean(), server_default=sa.text("0"), autoincrement=False, nullable=True
        ),
        sa.Column(
            "Processed",
            sa.String(length=4),
            server_default=sa.text("'N'"),
            autoincrement=False,
            nullable=False,
        ),
        sa.Column("CreatedBy", sa.String(length=50), autoincrement=False, nullable=False),
        sa.Column(
            "CreatedDate",
            sa.DateTime(),
            server_default=sa.text("(CURRENT_TIMESTAMP)"),
            autoincrement=False,
            nullable=False,
        ),
        sa.Column("ModifiedBy", sa.String(length=50), autoincrement=False, nullable=True),
        sa.Column(
            "LastModDate",
            sa.DateTime(),
            server_default=sa.text("(CURRENT_TIMESTAMP)"),
            autoincrement=False,
            nullable=True,
        ),
        sa.Column("VanSerialNo", sa.BigInteger(), autoincrement=False, nullable=True),
        sa.Column("VanID", sa.Integer(), autoincrement=False, nullable=True),
        sa.Column("VehicalNo", sa.String(length=30), autoincrement=False, nullable=True),
        sa.Column("ParkingPlaceID", sa.Integer(), autoincrement=False, nullable=True),
        sa.Column("SyncedBy", sa.String(length=30), autoincrement=False, nullable=True),
        sa.Column("SyncedDate", sa.DateTime(), autoincrement=False, nullable=True),
        sa.Column("ReservedForChange", sa.String(length=30), autoincrement=False, nullable=True),
        sa.Column("isEDL", sa.Boolean(), autoincrement=False, nullable=True),
        sa.Column("SyncFailureReason", sa.String(length=500), autoincrement=False, nullable=True),
        sa.ForeignKeyConstraint(
            ["BenVisitID"],
            ["t_benvisitdetail.BenVisitID"],
        ),
        sa.ForeignKeyConstraint(
            ["PrescriptionID"],
            ["t_prescription.PrescriptionID"],
        ),
        sa.PrimaryKeyConstraint("PrescribedDrugID"),
        sqlite_autoincrement=True,
    )
    with op.batch_alter_table("t_prescribeddrug", schema=None) as batch_op:
        batch_op.create_index(
            "ix_t_prescribeddrug_pending",
            ["PrescribedDrugID"],
            unique=False,
            sqlite_where=sa.text("Processed IS NOT 'P'"),
        )


def downgrade() -> None:
    with op.batch_alter_table("t_prescribeddrug", schema=None) as batch_op:
        batch_op.drop_index(
            "ix_t_prescribeddrug_pending", sqlite_where=sa.text("Processed IS NOT 'P'")
        )

    op.drop_table("t_prescribeddrug")
    with op.batch_alter_table("i_beneficiaryidentity", schema=None) as batch_op:
        batch_op.drop_index(
            "ix_i_beneficiaryidentity_pending", sqlite_where=sa.text("Processed IS NOT 'P'")
        )

    op.drop_table("i_beneficiaryidentity")
    with op.batch_alter_table("t_prescription", schema=None) as batch_op:
        batch_op.drop_index(
            "ix_t_prescription_pending", sqlite_where=sa.text("Processed IS NOT 'P'")
        )

    op.drop_table("t_prescription")
    with op.batch_alter_table("t_phy_vitals", schema=None) as batch_op:
        batch_op.drop_index("ix_t_phy_vitals_pending", sqlite_where=sa.text("Processed IS NOT 'P'"))

    op.drop_table("t_phy_vitals")
    with op.batch_alter_table("t_phy_anthropometry", schema=None) as batch_op:
        batch_op.drop_index(
            "ix_t_phy_anthropometry_pending", sqlite_where=sa.text("Processed IS NOT 'P'")
        )

    op.drop_table("t_phy_anthropometry")
    with op.batch_alter_table("t_lab_testorder", schema=None) as batch_op:
        batch_op.drop_index(
            "ix_t_lab_testorder_pending", sqlite_where=sa.text("Processed IS NOT 'P'")
        )

    op.drop_table("t_lab_testorder")
    with op.batch_alter_table("t_benreferdetails", schema=None) as batch_op:
        batch_op.drop_index(
            "ix_t_benreferdetails_pending", sqlite_where=sa.text("Processed IS NOT 'P'")
        )

    op.drop_table("t_benreferdetails")
    with op.batch_alter_table("t_benchiefcomplaint", schema=None) as batch_op:
        batch_op.drop_index(
            "ix_t_benchiefcomplaint_pending", sqlite_where=sa.text("Processed IS NOT 'P'")
        )

    op.drop_table("t_benchiefcomplaint")
    with op.batch_alter_table("i_beneficiarymapping", schema=None) as batch_op:
        batch_op.drop_index("uq_i_beneficiarymapping_BenRegId_UNIQUE")
        batch_op.drop_index(
            "ix_i_beneficiarymapping_pending", sqlite_where=sa.text("Processed IS NOT 'P'")
        )

    op.drop_table("i_beneficiarymapping")
    op.drop_table("temp_van")
    with op.batch_alter_table("t_phy_generalexam", schema=None) as batch_op:
        batch_op.drop_index(
            "ix_t_phy_generalexam_pending", sqlite_where=sa.text("Processed IS NOT 'P'")
        )

    op.drop_table("t_phy_generalexam")
    with op.batch_alter_table("t_lab_testresult", schema=None) as batch_op:
        batch_op.drop_index(
            "ix_t_lab_testresult_pending", sqlite_where=sa.text("Processed IS NOT 'P'")
        )

    op.drop_table("t_lab_testresult")
    with op.batch_alter_table("t_benvisitdetail", schema=None) as batch_op:
        batch_op.drop_index("uq_t_benvisitdetail_VisitCode")
        batch_op.drop_index(
            "ix_t_benvisitdetail_pending", sqlite_where=sa.text("Processed IS NOT 'P'")
        )
        batch_op.drop_index("ix_t_benvisitdetail_BeneficiaryRegID")

    op.drop_table("t_benvisitdetail")
    with op.batch_alter_table("t_benmedhistory", schema=None) as batch_op:
        batch_op.drop_index(
            "ix_t_benmedhistory_pending", sqlite_where=sa.text("Processed IS NOT 'P'")
        )

    op.drop_table("t_benmedhistory")
    with op.batch_alter_table("t_benclinicalobservation", schema=None) as batch_op:
        batch_op.drop_index(
            "ix_t_benclinicalobservation_pending", sqlite_where=sa.text("Processed IS NOT 'P'")
        )

    op.drop_table("t_benclinicalobservation")
    with op.batch_alter_table("t_benallergyhistory", schema=None) as batch_op:
        batch_op.drop_index(
            "ix_t_benallergyhistory_pending", sqlite_where=sa.text("Processed IS NOT 'P'")
        )

    op.drop_table("t_benallergyhistory")
    op.drop_table("m_visitreason")
    op.drop_table("m_visitcategory")
    op.drop_table("m_vanservicepointmap")
    with op.batch_alter_table("m_van", schema=None) as batch_op:
        batch_op.drop_index("uq_m_van_FacilityID_UNIQUE")

    op.drop_table("m_van")
    op.drop_table("m_uservanmapping")
    op.drop_table("m_userservicerolemapping")
    with op.batch_alter_table("m_user", schema=None) as batch_op:
        batch_op.drop_index("uq_m_user_UserName_UNIQUE")
        batch_op.drop_index("uq_m_user_EmployeeID_UNIQUE")
        batch_op.drop_index("uq_m_user_CZUserID_UNIQUE")
        batch_op.drop_index("uq_m_user_AadhaarNo_UNIQUE")

    op.drop_table("m_user")
    op.drop_table("m_title")
    op.drop_table("m_testcomponent")
    op.drop_table("m_synctablegroup")
    op.drop_table("m_synctabledetail")
    op.drop_table("m_subvisitcategory")
    op.drop_table("m_state")
    op.drop_table("m_servicepointvillagemap")
    op.drop_table("m_servicepoint")
    op.drop_table("m_routeofadmin")
    op.drop_table("m_role")
    op.drop_table("m_religion")
    op.drop_table("m_referralreason")
    op.drop_table("m_providerservicemapping")
    op.drop_table("m_procedure")
    op.drop_table("m_phonetype")
    with op.batch_alter_table("m_parkingplace", schema=None) as batch_op:
        batch_op.drop_index("uq_m_parkingplace_FacilityID_UNIQUE")

    op.drop_table("m_parkingplace")
    op.drop_table("m_maritalstatus")
    op.drop_table("m_literacystatus")
    op.drop_table("m_language")
    op.drop_table("m_itemform")
    op.drop_table("m_item")
    op.drop_table("m_institution")
    op.drop_table("m_govtidentitytype")
    op.drop_table("m_gender")
    op.drop_table("m_facility")
    op.drop_table("m_drugroute")
    op.drop_table("m_drugfrequency")
    op.drop_table("m_drugform")
    op.drop_table("m_drugduration")
    op.drop_table("m_drugdose")
    op.drop_table("m_downloadmastertable")
    op.drop_table("m_districtbranchmapping")
    op.drop_table("m_districtblock")
    op.drop_table("m_district")
    op.drop_table("m_country")
    op.drop_table("m_community")
    op.drop_table("m_chiefcomplaint")
    op.drop_table("m_bloodgroup")
    with op.batch_alter_table("m_beneficiaryregidmapping", schema=None) as batch_op:
        batch_op.drop_index("uq_m_beneficiaryregidmapping_BeneficiaryID_UNIQUE")
        batch_op.drop_index(
            "ix_m_beneficiaryregidmapping_pending", sqlite_where=sa.text("Processed IS NOT 'P'")
        )
        batch_op.drop_index("ix_m_beneficiaryregidmapping_Provisioned_Reserved")

    op.drop_table("m_beneficiaryregidmapping")
    op.drop_table("m_beneficiaryoccupation")
    op.drop_table("m_beneficiaryincomestatus")
    op.drop_table("m_beneficiaryeducation")
    with op.batch_alter_table("i_beneficiaryimage", schema=None) as batch_op:
        batch_op.drop_index(
            "ix_i_beneficiaryimage_pending", sqlite_where=sa.text("Processed IS NOT 'P'")
        )

    op.drop_table("i_beneficiaryimage")
    with op.batch_alter_table("i_beneficiaryfamilymapping", schema=None) as batch_op:
        batch_op.drop_index(
            "ix_i_beneficiaryfamilymapping_pending", sqlite_where=sa.text("Processed IS NOT 'P'")
        )

    op.drop_table("i_beneficiaryfamilymapping")
    with op.batch_alter_table("i_beneficiarydetails", schema=None) as batch_op:
        batch_op.drop_index("uq_i_beneficiarydetails_BeneficiaryRegID_UNIQUE")
        batch_op.drop_index(
            "ix_i_beneficiarydetails_pending", sqlite_where=sa.text("Processed IS NOT 'P'")
        )
        batch_op.drop_index("ix_i_beneficiarydetails_LastName")
        batch_op.drop_index("ix_i_beneficiarydetails_FirstName")

    op.drop_table("i_beneficiarydetails")
    with op.batch_alter_table("i_beneficiarycontacts", schema=None) as batch_op:
        batch_op.drop_index(
            "ix_i_beneficiarycontacts_pending", sqlite_where=sa.text("Processed IS NOT 'P'")
        )
        batch_op.drop_index("ix_i_beneficiarycontacts_PreferredPhoneNum")

    op.drop_table("i_beneficiarycontacts")
    with op.batch_alter_table("i_beneficiaryaddress", schema=None) as batch_op:
        batch_op.drop_index(
            "ix_i_beneficiaryaddress_pending", sqlite_where=sa.text("Processed IS NOT 'P'")
        )
        batch_op.drop_index("ix_i_beneficiaryaddress_CurrVillageId")

    op.drop_table("i_beneficiaryaddress")
    with op.batch_alter_table("i_beneficiaryaccount", schema=None) as batch_op:
        batch_op.drop_index(
            "ix_i_beneficiaryaccount_pending", sqlite_where=sa.text("Processed IS NOT 'P'")
        )

    op.drop_table("i_beneficiaryaccount")
    with op.batch_alter_table("i_ben_flow_outreach", schema=None) as batch_op:
        batch_op.drop_index(
            "ix_i_ben_flow_outreach_pending", sqlite_where=sa.text("Processed IS NOT 'P'")
        )

    op.drop_table("i_ben_flow_outreach")
