"""guided checks in progress (the web check's steps, so Back and reload work)

Revision ID: 0004
Revises: 0003
Create Date: 2026-12-01 10:00:00
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "check_drafts",
        sa.Column("token", sa.String(length=32), nullable=False),
        sa.Column("profile_id", sa.Integer(), nullable=False),
        sa.Column("updated", sa.DateTime(), nullable=False),
        sa.Column("steps", sa.JSON(), nullable=False),
        sa.Column("meta", sa.JSON(), nullable=False),
        sa.ForeignKeyConstraint(["profile_id"], ["profiles.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("token"),
    )
    op.create_index(op.f("ix_check_drafts_profile_id"), "check_drafts", ["profile_id"], unique=False)
    op.create_index(op.f("ix_check_drafts_updated"), "check_drafts", ["updated"], unique=False)


def downgrade() -> None:
    op.drop_index(op.f("ix_check_drafts_updated"), table_name="check_drafts")
    op.drop_index(op.f("ix_check_drafts_profile_id"), table_name="check_drafts")
    op.drop_table("check_drafts")
