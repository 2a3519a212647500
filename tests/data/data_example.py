"""A small hand-computed show, shared by the data tests (the expected numbers are worked out by hand)."""

from __future__ import annotations

HEADER = (
    "时间,在线人数,进入人数,进入次数,商品曝光人数,商品点击人数,成交人数,成交订单数,成交金额(元),退款金额(元),"
    "新增粉丝,平均停留时长(秒)"
)
ROWS = (
    "2026-11-20 20:00,100,50,60,40,10,2,2,199.00,0,3,60",
    '2026-11-20 20:01,150,80,100,70,20,5,6,"600.50",50,5,90',
    "2026-11-20 20:02,200,60,70,50,15,0,0,0,0,2,120",
    "2026-11-20 20:03,120,30,40,30,5,0,0,0,0,0,30",
    '2026-11-20 20:04,80,20,30,10,0,3,3,"￥300.00",0,1,45',
)
CSV_TEXT = "\n".join((HEADER, *ROWS)) + "\n"

# By hand: GMV 199 + 600.50 + 300 = 1099.50; refunds 50; buyers 10; orders 11; viewers 240; views 300;
# product exposures 200; clicks 50; new fans 11; peak online 200; average online 650 / 5 = 130;
# dwell (60·50 + 90·80 + 120·60 + 30·30 + 45·20) / 240 = 19200 / 240 = 80 s.
EXPECTED = {
    "gmv": 1099.50,
    "refund_gmv": 50.0,
    "net_gmv": 1049.50,
    "buyers": 10,
    "orders": 11,
    "aov": 109.95,
    "viewers": 240,
    "views": 300,
    "gpm": 3665.0,  # 1099.5 × 1000 / 300 views
    "uv_value": 1099.5 / 240,
    "click_rate": 0.25,
    "click_to_pay": 0.2,
    "view_to_pay": 10 / 240,
    "avg_dwell": 80.0,
    "peak_online": 200,
    "avg_online": 130.0,
    "new_fans": 11,
    "new_fan_rate": 11 / 240,
    "refund_rate": 50 / 1099.5,
}
