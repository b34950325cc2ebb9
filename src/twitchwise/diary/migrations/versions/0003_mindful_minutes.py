"""mindful minutes on a day (filled by the Apple Health import)

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-21 13:30:00
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("days") as batch:
        batch.add_column(sa.Column("mindful_min", sa.Float(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("days") as batch:
        batch.drop_column("mindful_min")
