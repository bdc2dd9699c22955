"""When sessions and years become citable, for the date checks of SYM and RES.

A General Assembly regular session N opens in September of year 1945 + N
(rule 1 of the rules of procedure: the Tuesday of the third week of
September). Its resolutions cannot be older than that; its documents can
(preliminary lists and reports are issued from February), so a document may
cite the next session's symbols but not one after.
"""

from __future__ import annotations

import datetime as dt

FIRST_SESSION_YEAR = 1945
#: The earliest day a session opens; rules use it so as to err on the silent side.
SESSION_OPENS = (9, 1)


def latest_session_with_resolutions(on: dt.date) -> int:
    """The highest General Assembly session that can have adopted resolutions by ``on``."""
    opened_this_year = (on.month, on.day) >= SESSION_OPENS
    return on.year - FIRST_SESSION_YEAR - (0 if opened_this_year else 1)


def latest_session_with_documents(on: dt.date) -> int:
    """The highest General Assembly session whose documents can exist by ``on``."""
    return on.year - FIRST_SESSION_YEAR
