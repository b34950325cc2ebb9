"""initial diary tables

Revision ID: 0001
Revises: (none)
Create Date: 2026-11-21 10:30:08.695310
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "profiles",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(length=60), nullable=False),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("name"),
    )
    op.create_table(
        "checks",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("uid", sa.String(length=32), nullable=False),
        sa.Column("profile_id", sa.Integer(), nullable=False),
        sa.Column("at", sa.DateTime(), nullable=False),
        sa.Column("disposition", sa.String(length=20), nullable=False),
        sa.Column("answers", sa.JSON(), nullable=False),
        sa.Column("result", sa.JSON(), nullable=False),
        sa.ForeignKeyConstraint(["profile_id"], ["profiles.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("uid"),
    )
    with op.batch_alter_table("checks", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_checks_at"), ["at"], unique=False)
        batch_op.create_index(batch_op.f("ix_checks_profile_id"), ["profile_id"], unique=False)

    op.create_table(
        "days",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("uid", sa.String(length=32), nullable=False),
        sa.Column("profile_id", sa.Integer(), nullable=False),
        sa.Column("day", sa.Date(), nullable=False),
        sa.Column("caffeine_mg", sa.Float(), nullable=True),
        sa.Column("water_l", sa.Float(), nullable=True),
        sa.Column("alcohol_units", sa.Float(), nullable=True),
        sa.Column("nicotine", sa.Boolean(), nullable=True),
        sa.Column("exercise_min", sa.Float(), nullable=True),
        sa.Column("exercise_intensity", sa.String(length=10), nullable=True),
        sa.Column("sleep_h", sa.Float(), nullable=True),
        sa.Column("stress", sa.Integer(), nullable=True),
        sa.Column("medicines", sa.JSON(), nullable=True),
        sa.Column("twitch_free", sa.Boolean(), nullable=False),
        sa.Column("note", sa.Text(), nullable=True),
        sa.CheckConstraint("stress IS NULL OR stress BETWEEN 0 AND 10", name="day_stress"),
        sa.ForeignKeyConstraint(["profile_id"], ["profiles.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("profile_id", "day", name="one_record_per_day"),
        sa.UniqueConstraint("uid"),
    )
    with op.batch_alter_table("days", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_days_day"), ["day"], unique=False)
        batch_op.create_index(batch_op.f("ix_days_profile_id"), ["profile_id"], unique=False)

    op.create_table(
        "episodes",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("uid", sa.String(length=32), nullable=False),
        sa.Column("profile_id", sa.Integer(), nullable=False),
        sa.Column("at", sa.DateTime(), nullable=False),
        sa.Column("region", sa.String(length=20), nullable=False),
        sa.Column("side", sa.String(length=10), nullable=True),
        sa.Column("count", sa.Integer(), nullable=True),
        sa.Column("duration_s", sa.Float(), nullable=True),
        sa.Column("intensity", sa.Integer(), nullable=True),
        sa.Column("context", sa.String(length=20), nullable=True),
        sa.Column("note", sa.Text(), nullable=True),
        sa.CheckConstraint("count IS NULL OR count >= 0", name="episode_count"),
        sa.CheckConstraint("intensity IS NULL OR intensity BETWEEN 1 AND 5", name="episode_intensity"),
        sa.ForeignKeyConstraint(["profile_id"], ["profiles.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("uid"),
    )
    with op.batch_alter_table("episodes", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_episodes_at"), ["at"], unique=False)
        batch_op.create_index(batch_op.f("ix_episodes_profile_id"), ["profile_id"], unique=False)

    op.create_table(
        "symptoms",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("uid", sa.String(length=32), nullable=False),
        sa.Column("profile_id", sa.Integer(), nullable=False),
        sa.Column("symptom", sa.String(length=60), nullable=False),
        sa.Column("present", sa.Boolean(), nullable=False),
        sa.Column("at", sa.DateTime(), nullable=False),
        sa.Column("region", sa.String(length=20), nullable=True),
        sa.Column("side", sa.String(length=10), nullable=True),
        sa.Column("note", sa.Text(), nullable=True),
        sa.ForeignKeyConstraint(["profile_id"], ["profiles.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("uid"),
    )
    with op.batch_alter_table("symptoms", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_symptoms_at"), ["at"], unique=False)
        batch_op.create_index(batch_op.f("ix_symptoms_profile_id"), ["profile_id"], unique=False)


def downgrade() -> None:
    with op.batch_alter_table("symptoms", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_symptoms_profile_id"))
        batch_op.drop_index(batch_op.f("ix_symptoms_at"))

    op.drop_table("symptoms")
    with op.batch_alter_table("episodes", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_episodes_profile_id"))
        batch_op.drop_index(batch_op.f("ix_episodes_at"))

    op.drop_table("episodes")
    with op.batch_alter_table("days", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_days_profile_id"))
        batch_op.drop_index(batch_op.f("ix_days_day"))

    op.drop_table("days")
    with op.batch_alter_table("checks", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_checks_profile_id"))
        batch_op.drop_index(batch_op.f("ix_checks_at"))

    op.drop_table("checks")
    op.drop_table("profiles")
