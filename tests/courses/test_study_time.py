"""Server-verified study time: forged heartbeats never earn more than real elapsed time."""

import pytest

from courses import services
from courses.models import LessonKind, LessonProgress, ProgressStatus, Viewing

from .factories import CoursePageFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def video_course(home_page, learner):
    course = CoursePageFactory(home=home_page, lessons=[(LessonKind.VIDEO, 100), (LessonKind.READING, 60)])
    services.enrol(learner, course)
    return course


def video_lesson(course):
    return services.course_lessons(course)[0]


def progress(learner, lesson):
    return LessonProgress.objects.get(user=learner, lesson=lesson)


def play(learner, viewing, clock, seconds, start_seq=1, start_pos=0.0, step=10, rate=1.0):
    """Honest playback: a 'playing' heartbeat now, then one every ``step`` seconds."""
    seq, pos = start_seq, start_pos
    services.heartbeat(learner, viewing.token, seq, "playing", pos, now=clock())
    for _ in range(int(seconds // step)):
        seq += 1
        pos += step * rate
        clock.advance(step)
        services.heartbeat(learner, viewing.token, seq, "playing", min(pos, 100), now=clock())
    return seq, pos


def test_honest_playback_credits_real_time_and_completes_at_ninety_percent(video_course, learner, clock):
    lesson = video_lesson(video_course)
    viewing = services.start_viewing(learner, lesson, now=clock())
    play(learner, viewing, clock, 80)
    record = progress(learner, lesson)
    assert record.study_seconds == pytest.approx(80)
    assert record.covered_seconds == pytest.approx(80)
    assert record.status == ProgressStatus.IN_PROGRESS
    play(learner, viewing, clock, 10, start_seq=10, start_pos=80)
    record = progress(learner, lesson)
    assert record.covered_seconds == pytest.approx(90)
    assert record.status == ProgressStatus.COMPLETED
    assert record.position_seconds == pytest.approx(90)


def test_heartbeats_faster_than_real_time_credit_only_real_elapsed_time(video_course, learner, clock):
    lesson = video_lesson(video_course)
    viewing = services.start_viewing(learner, lesson, now=clock())
    services.heartbeat(learner, viewing.token, 1, "playing", 0, now=clock())
    # A script claims 10 s of video every 0.5 s of real time, 20 times: 10 s of real time.
    for seq in range(2, 22):
        clock.advance(0.5)
        services.heartbeat(learner, viewing.token, seq, "playing", (seq - 1) * 5, now=clock())
    record = progress(learner, lesson)
    assert record.study_seconds <= 10 + 1e-6
    # At most the playback-rate cap (2×) of real time counts as watched.
    assert record.covered_seconds <= 20 + 1e-6
    assert record.status == ProgressStatus.IN_PROGRESS


def test_playback_above_the_cap_is_credited_at_the_cap(video_course, learner, clock):
    lesson = video_lesson(video_course)
    viewing = services.start_viewing(learner, lesson, now=clock())
    play(learner, viewing, clock, 20, step=10, rate=3.0)  # 3× speed for 20 s: 60 s of video
    record = progress(learner, lesson)
    assert record.covered_seconds == pytest.approx(40)  # 2× cap
    assert record.study_seconds == pytest.approx(20)


def test_replayed_and_out_of_order_heartbeats_are_refused(video_course, learner, clock):
    lesson = video_lesson(video_course)
    viewing = services.start_viewing(learner, lesson, now=clock())
    services.heartbeat(learner, viewing.token, 1, "playing", 0, now=clock())
    clock.advance(10)
    services.heartbeat(learner, viewing.token, 3, "playing", 10, now=clock())
    clock.advance(10)
    with pytest.raises(services.HeartbeatRefused) as refused:
        services.heartbeat(learner, viewing.token, 2, "playing", 20, now=clock())  # out of order
    assert refused.value.code == "replayed"
    with pytest.raises(services.HeartbeatRefused):
        services.heartbeat(learner, viewing.token, 3, "playing", 20, now=clock())  # replayed
    record = progress(learner, lesson)
    assert record.study_seconds == pytest.approx(10)
    assert Viewing.objects.get(pk=viewing.pk).refused_count == 2


def test_skipping_ahead_credits_nothing_for_the_skipped_part(video_course, learner, clock):
    lesson = video_lesson(video_course)
    viewing = services.start_viewing(learner, lesson, now=clock())
    services.heartbeat(learner, viewing.token, 1, "playing", 0, now=clock())
    clock.advance(5)
    # The player reports the seek: watched 0→5, then jumped to 95.
    services.heartbeat(learner, viewing.token, 2, "playing", 95, seeked_from=5, now=clock())
    clock.advance(5)
    services.heartbeat(learner, viewing.token, 3, "playing", 100, now=clock())
    record = progress(learner, lesson)
    assert record.covered_segments == [[0, 5], [95, 100]]
    assert record.covered_seconds == pytest.approx(10)
    assert record.status == ProgressStatus.IN_PROGRESS
    # A forger who does not declare the jump gets no more than the cap allows.
    clock.advance(2)
    viewing = services.start_viewing(learner, lesson, now=clock())
    services.heartbeat(learner, viewing.token, 1, "playing", 5, now=clock())
    clock.advance(2)
    services.heartbeat(learner, viewing.token, 2, "playing", 94, now=clock())
    record = progress(learner, lesson)
    assert record.covered_seconds == pytest.approx(14)  # 10 + 2 s × 2
    assert record.study_seconds <= 5 + 5 + 2 + 1e-6


def test_nothing_is_credited_while_paused_or_hidden(video_course, learner, clock):
    lesson = video_lesson(video_course)
    viewing = services.start_viewing(learner, lesson, now=clock())
    services.heartbeat(learner, viewing.token, 1, "playing", 0, now=clock())
    clock.advance(10)
    services.heartbeat(learner, viewing.token, 2, "paused", 10, now=clock())
    clock.advance(300)
    services.heartbeat(learner, viewing.token, 3, "hidden", 10, now=clock())
    clock.advance(300)
    services.heartbeat(learner, viewing.token, 4, "playing", 10, now=clock())
    record = progress(learner, lesson)
    assert record.study_seconds == pytest.approx(10)


def test_a_long_silence_credits_nothing(video_course, learner, clock):
    lesson = video_lesson(video_course)
    viewing = services.start_viewing(learner, lesson, now=clock())
    services.heartbeat(learner, viewing.token, 1, "playing", 0, now=clock())
    clock.advance(90)  # longer than COLLEGE_HEARTBEAT_MAX_GAP_SECONDS (60)
    services.heartbeat(learner, viewing.token, 2, "playing", 90, now=clock())
    assert progress(learner, lesson).study_seconds == 0


def test_two_tabs_never_count_twice(video_course, learner, clock):
    lesson = video_lesson(video_course)
    started = clock()
    tab_a = services.start_viewing(learner, lesson, now=clock())
    services.heartbeat(learner, tab_a.token, 1, "playing", 0, now=clock())
    clock.advance(5)
    tab_b = services.start_viewing(learner, lesson, now=clock())  # second tab ends the first
    services.heartbeat(learner, tab_b.token, 1, "playing", 0, now=clock())
    for step in range(1, 7):
        clock.advance(10)
        with pytest.raises(services.HeartbeatRefused) as refused:
            services.heartbeat(learner, tab_a.token, 1 + step, "playing", 5 + step * 10, now=clock())
        assert refused.value.code == "superseded"
        services.heartbeat(learner, tab_b.token, 1 + step, "playing", step * 10, now=clock())
    real_elapsed = (clock() - started).total_seconds()
    record = progress(learner, lesson)
    assert record.study_seconds <= real_elapsed
    assert record.study_seconds == pytest.approx(60)
    assert Viewing.objects.filter(user=learner, active=True).count() == 1


def test_another_learners_token_and_invented_positions_are_refused(video_course, learner, clock):
    from tests.accounts.factories import UserFactory

    lesson = video_lesson(video_course)
    viewing = services.start_viewing(learner, lesson, now=clock())
    other = UserFactory()
    with pytest.raises(services.HeartbeatRefused) as refused:
        services.heartbeat(other, viewing.token, 1, "playing", 0, now=clock())
    assert refused.value.code == "unknown_viewing"
    for bad in (-1, 1000, float("nan"), float("inf")):
        with pytest.raises(services.HeartbeatRefused) as refused:
            services.heartbeat(learner, viewing.token, 1, "playing", bad, now=clock())
        assert refused.value.code == "invalid_position"
    with pytest.raises(services.HeartbeatRefused):
        services.heartbeat(learner, viewing.token, 1, "dancing", 0, now=clock())
    assert progress(learner, lesson).study_seconds == 0


def test_combined_forgery_never_exceeds_real_elapsed_time(video_course, learner, clock):
    """Too fast, replayed, skipped ahead and two tabs together: credit ≤ real elapsed time."""
    lesson = video_lesson(video_course)
    started = clock()
    tabs = [services.start_viewing(learner, lesson, now=clock())]
    seqs = {tabs[0].token: 0}
    import itertools

    for round_number in itertools.count():
        if round_number == 40:
            break
        clock.advance(0.7)
        if round_number % 10 == 5:
            tabs.append(services.start_viewing(learner, lesson, now=clock()))
            seqs[tabs[-1].token] = 0
        for tab in tabs:
            for seq in (seqs[tab.token] + 1, seqs[tab.token]):  # a fresh one and a replay
                try:
                    services.heartbeat(learner, tab.token, seq, "playing", min(100, round_number * 9), now=clock())
                    seqs[tab.token] = seq
                except services.HeartbeatRefused:
                    pass
    real_elapsed = (clock() - started).total_seconds()
    record = progress(learner, lesson)
    assert record.study_seconds <= real_elapsed + 1e-6
    assert record.covered_seconds <= services.playback_rate_cap() * real_elapsed + 1e-6
    assert record.status == ProgressStatus.IN_PROGRESS


def test_video_resumes_where_the_learner_left_off(video_course, learner, clock):
    lesson = video_lesson(video_course)
    viewing = services.start_viewing(learner, lesson, now=clock())
    play(learner, viewing, clock, 30)
    clock.advance(3600)
    again = services.start_viewing(learner, lesson, now=clock())
    assert again.last_position == pytest.approx(30)


def test_reading_lesson_needs_minimum_time_and_confirmation(video_course, learner, clock):
    reading = services.course_lessons(video_course)[1]
    viewing = services.start_viewing(learner, reading, now=clock())
    services.heartbeat(learner, viewing.token, 1, "playing", now=clock())
    clock.advance(30)
    services.heartbeat(learner, viewing.token, 2, "playing", now=clock())
    with pytest.raises(services.NotEnoughTime):
        services.confirm_read(learner, reading, now=clock())
    assert progress(learner, reading).status == ProgressStatus.IN_PROGRESS
    clock.advance(30)
    services.heartbeat(learner, viewing.token, 3, "playing", now=clock())
    assert progress(learner, reading).status == ProgressStatus.IN_PROGRESS  # time alone does not complete it
    services.confirm_read(learner, reading, now=clock())
    record = progress(learner, reading)
    assert record.status == ProgressStatus.COMPLETED
    assert record.read_confirmed_at == clock()


def test_heartbeats_need_an_active_enrolment(video_course, learner, clock):
    lesson = video_lesson(video_course)
    services.unenrol(learner, video_course)
    with pytest.raises(services.NotEnrolled):
        services.start_viewing(learner, lesson, now=clock())
