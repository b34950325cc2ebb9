"""The local web app: pages for people, ``/api/v1`` for programs, over the same services."""
