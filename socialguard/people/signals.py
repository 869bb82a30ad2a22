"""Signals the people app sends; other apps listen (people never imports them).

`consent_withdrawn` is sent after the transaction that withdrew a consent, or put a pupil on
the do-not-publish list, has committed. Keyword arguments: `pupil` (a Pupil), `purpose` (a
`Purpose` value, or None for do-not-publish: every purpose) and `user` (who recorded it).
The posts app pulls back the posts that may no longer show the pupil.
"""

from __future__ import annotations

from django.dispatch import Signal

consent_withdrawn = Signal()
