"""The diary: twitch episodes, daily factors, symptom reports and past checks, per profile.

``records`` holds the validated shapes that cross every boundary (CLI, import, API),
``schema`` the SQLAlchemy tables, ``store`` the operations, ``evidence`` the red flags that
only time reveals, and ``transfer`` the lossless CSV and JSON export and import.
"""
