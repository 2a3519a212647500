"""The live room's rules on a show driven minute by minute on a fake clock."""

from __future__ import annotations

from datetime import timedelta

from studio_app.clock import FakeClock
from studio_app.liveroom.numbers import ProductNumbers, ProductTable, RoomPoint
from studio_app.liveroom.room import LiveRoom, sample_series
from studio_app.liveroom.rules import AlertKind, DataAlert, baseline_of, click_rate_alerts, hot_products
from studio_app.metrics.samples import Sample


def _minute(clock: FakeClock, dwell: float, interactions: int, online: int = 800) -> RoomPoint:
    clock.advance(60)
    return RoomPoint(clock.now(), online, dwell, interactions)


def test_dwell_drop_below_the_shows_own_baseline_raises_one_alert_until_it_recovers(
    fake_clock: FakeClock,
) -> None:
    room = LiveRoom()
    for _ in range(30):  # half an hour at the show's normal: 60 s dwell, 120 interactions a minute
        room.add_points([_minute(fake_clock, 60.0, 120)])
        assert room.evaluate(fake_clock.now()).alerts == ()
    raised_total: list[DataAlert] = []
    for _ in range(4):  # viewers start leaving: 40 s is two thirds of the show's own 60 s
        room.add_points([_minute(fake_clock, 40.0, 118)])
        view = room.evaluate(fake_clock.now())
        raised_total += view.raised
    assert [a.kind for a in raised_total] == [AlertKind.DWELL]  # raised once, not every minute
    alert = raised_total[0]
    assert alert.baseline == 60.0 and alert.value == 40.0
    assert "40 s" in alert.message and "60 s" in alert.message
    assert alert.cue == "Viewers leaving: switch the demo / bring out an offer"
    assert [a.kind for a in view.alerts] == [AlertKind.DWELL]
    for _ in range(3):
        room.add_points([_minute(fake_clock, 61.0, 121)])
    assert room.evaluate(fake_clock.now()).alerts == ()


def test_a_small_rooms_normal_is_not_an_alert_and_nothing_is_raised_before_a_baseline(
    fake_clock: FakeClock,
) -> None:
    room = LiveRoom()
    room.add_points([_minute(fake_clock, 60.0, 50)])
    room.add_points([_minute(fake_clock, 10.0, 5)])  # a bad start, but no baseline yet
    assert room.evaluate(fake_clock.now()).alerts == ()
    quiet = LiveRoom()
    for _ in range(40):  # a small room: 25 s dwell, 8 comments a minute, steady
        quiet.add_points([_minute(fake_clock, 25.0, 8, online=40)])
        assert quiet.evaluate(fake_clock.now()).alerts == ()


def test_interaction_falling_raises_its_own_alert(fake_clock: FakeClock) -> None:
    room = LiveRoom()
    for _ in range(20):
        room.add_points([_minute(fake_clock, 60.0, 200)])
    for _ in range(3):
        room.add_points([_minute(fake_clock, 60.0, 90)])
    (alert,) = room.evaluate(fake_clock.now()).alerts
    assert alert.kind is AlertKind.INTERACTION
    assert alert.baseline == 200.0 and alert.value == 90.0


def test_baseline_is_the_last_hour_not_the_whole_show(fake_clock: FakeClock) -> None:
    points = []
    for minute in range(120):  # dwell was 100 s in the first hour, 50 s in the second
        fake_clock.advance(60)
        points.append((fake_clock.now(), 100.0 if minute < 60 else 50.0))
    line = baseline_of(points, fake_clock.now())
    assert line.baseline == 50.0 and line.recent == 50.0 and line.ratio == 1.0


def _table(clock: FakeClock, **clicks: tuple[int, int, int]) -> ProductTable:
    return ProductTable(
        clock.now(),
        tuple(
            ProductNumbers(key=name, name=name, exposures=e, clicks=c, gmv_fen=g)
            for name, (e, c, g) in clicks.items()
        ),
    )


def test_a_products_click_rate_collapse_is_an_alert_with_its_name(fake_clock: FakeClock) -> None:
    tables = [_table(fake_clock, 面霜=(1000, 100, 0), 坚果=(1000, 50, 0))]
    fake_clock.advance(240)
    # 面霜: 1000 new exposures and only 30 clicks (3 %, was 10 %); 坚果 steady at 5 %
    tables.append(_table(fake_clock, 面霜=(2000, 130, 0), 坚果=(2000, 100, 0)))
    (alert,) = click_rate_alerts(tables, fake_clock.now())
    assert alert.kind is AlertKind.CLICK_RATE and alert.product == "面霜"
    assert round(alert.value, 3) == 0.03 and alert.baseline == 0.1
    assert "面霜" in alert.cue


def test_too_few_new_exposures_say_nothing_about_click_rate(fake_clock: FakeClock) -> None:
    tables = [_table(fake_clock, 面霜=(1000, 100, 0))]
    fake_clock.advance(240)
    tables.append(_table(fake_clock, 面霜=(1100, 100, 0)))  # 100 new exposures, no clicks: too few to say
    assert click_rate_alerts(tables, fake_clock.now()) == []


def test_hot_products_rank_by_what_sold_in_the_last_ten_minutes(fake_clock: FakeClock) -> None:
    tables = [_table(fake_clock, 面霜=(5000, 900, 900_000), 坚果=(1000, 100, 10_000))]
    fake_clock.advance(600)
    tables.append(_table(fake_clock, 面霜=(5200, 910, 905_000), 坚果=(3000, 600, 300_000)))
    ranked = hot_products(tables, fake_clock.now())
    assert [h.product.name for h in ranked] == ["坚果", "面霜"]  # 面霜 sold more in all, 坚果 sells now
    assert ranked[0].recent_gmv_fen == 290_000 and ranked[0].recent_clicks == 500


def test_room_sums_gmv_and_orders_of_the_stored_samples(fake_clock: FakeClock) -> None:
    room = LiveRoom()
    start = fake_clock.now()
    room.set_samples(
        sample_series(
            [
                Sample(
                    at=start + timedelta(minutes=i),
                    online_viewers=500 + i,
                    pay_gmv_fen=10_000,
                    pay_order_cnt=2,
                )
                for i in range(5)
            ]
        )
    )
    fake_clock.advance(300)
    view = room.evaluate(fake_clock.now())
    assert (view.gmv_fen, view.orders, view.online_viewers) == (50_000, 10, 504)
