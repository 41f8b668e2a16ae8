"""Announcements other apps (certificates) listen to.

Both signals are sent exactly once per record, after the transaction that
recorded the completion commits (``transaction.on_commit``), so a receiver
always finds the record in the database and never sees a rolled-back one.

``course_completed``
    sender=CourseCompletion, kwargs: ``user``, ``course`` (the canonical
    zh-hans :class:`courses.models.CoursePage`), ``completion``
    (:class:`courses.models.CourseCompletion`; ``completion.language`` is the
    language of the site the learner used: "zh-hans" or "en").

``training_class_completed``
    sender=TrainingClassMember, kwargs: ``user``, ``training_class``
    (:class:`courses.models.TrainingClass`), ``membership`` (the
    :class:`courses.models.TrainingClassMember`, with ``completed_at`` and
    ``language``) and ``completion`` (the same membership object, an alias).
"""

from django.dispatch import Signal

course_completed = Signal()
training_class_completed = Signal()
