<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>AlertTimeline</name>
    <message>
        <source>not cleared</source>
        <translation>未恢复</translation>
    </message>
    <message>
        <source>lasted {m} min {s} s</source>
        <translation>持续 {m} 分 {s} 秒</translation>
    </message>
    <message>
        <source>acknowledged</source>
        <translation>已确认</translation>
    </message>
    <message>
        <source>not acknowledged</source>
        <translation>无人确认</translation>
    </message>
    <message>
        <source>⚠ Alert: {device}</source>
        <translation>⚠ 告警：{device}</translation>
    </message>
</context>
<context>
    <name>Gate</name>
    <message>
        <source>Products listed in the shop (商品上架)</source>
        <translation>商品上架</translation>
    </message>
    <message>
        <source>Coupons and stacked discounts tested (优惠券/满减叠加测试)</source>
        <translation>优惠券/满减叠加测试</translation>
    </message>
    <message>
        <source>Stock counted against the cards (库存核对)</source>
        <translation>库存核对</translation>
    </message>
    <message>
        <source>Display and positions set (陈列与站位)</source>
        <translation>陈列与站位</translation>
    </message>
    <message>
        <source>Emergency roles assigned (应急分工)</source>
        <translation>应急分工</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>未完成</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>已完成</translation>
    </message>
    <message>
        <source>N/A</source>
        <translation>不适用</translation>
    </message>
    <message>
        <source>Device check</source>
        <translation>设备检测</translation>
    </message>
    <message>
        <source>Compliance review</source>
        <translation>合规审核</translation>
    </message>
    <message>
        <source>Price check</source>
        <translation>价格核对</translation>
    </message>
    <message>
        <source>{title}: {detail}</source>
        <translation>{title}：{detail}</translation>
    </message>
    <message>
        <source>Not done: {title}</source>
        <translation>未完成：{title}</translation>
    </message>
    <message>
        <source>No device check linked to this show.</source>
        <translation>本场直播还没有关联的设备检测。</translation>
    </message>
    <message>
        <source>The last check is {age} min old (at most {limit} min); run it again.</source>
        <translation>最近一次检测已过去 {age} 分钟（最多 {limit} 分钟），请重新检测。</translation>
    </message>
    <message>
        <source>{verdict}, {age} min ago.</source>
        <translation>{verdict}，{age} 分钟前。</translation>
    </message>
    <message>
        <source>The show has no script yet.</source>
        <translation>本场直播还没有脚本。</translation>
    </message>
    <message>
        <source>The current script is not signed; sign the review in the script editor.</source>
        <translation>当前脚本尚未签字审核，请在脚本编辑器中签字。</translation>
    </message>
    <message>
        <source>Signed by {name}.</source>
        <translation>{name} 已签字。</translation>
    </message>
    <message>
        <source>The script has no product cards.</source>
        <translation>脚本中没有商品卡。</translation>
    </message>
    <message>
        <source>No live price on link {links}.</source>
        <translation>{links} 号链接没有到手价。</translation>
    </message>
    <message>
        <source>Price not confirmed on link {links}.</source>
        <translation>{links} 号链接的价格尚未确认。</translation>
    </message>
    <message>
        <source>{n} price(s) confirmed.</source>
        <translation>已确认 {n} 个价格。</translation>
    </message>
    <message>
        <source>Enter {what}.</source>
        <translation>请填写{what}。</translation>
    </message>
    <message>
        <source>your name</source>
        <translation>您的姓名</translation>
    </message>
    <message>
        <source>That checklist item no longer exists.</source>
        <translation>该检查项已不存在。</translation>
    </message>
    <message>
        <source>Link {n} has no live price to confirm.</source>
        <translation>{n} 号链接没有可确认的到手价。</translation>
    </message>
    <message>
        <source>the reason for going live anyway</source>
        <translation>强制开播的理由</translation>
    </message>
</context>
<context>
    <name>GateDialog</name>
    <message>
        <source>Pre-show checklist: {title}</source>
        <translation>开播前检查单：{title}</translation>
    </message>
    <message>
        <source>Who ticks (your name)</source>
        <translation>勾选人（您的姓名）</translation>
    </message>
    <message>
        <source>Before going live: {title}</source>
        <translation>开播前检查：{title}</translation>
    </message>
    <message>
        <source>Your name</source>
        <translation>您的姓名</translation>
    </message>
    <message>
        <source>Checked by the app</source>
        <translation>软件自动检查</translation>
    </message>
    <message>
        <source>Prices: confirm each product card&apos;s live price</source>
        <translation>价格：逐个确认商品卡的到手价</translation>
    </message>
    <message>
        <source>The studio&apos;s checklist</source>
        <translation>直播间检查项</translation>
    </message>
    <message>
        <source>Edit template…</source>
        <translation>编辑模板…</translation>
    </message>
    <message>
        <source>Go live anyway</source>
        <translation>强制开播</translation>
    </message>
    <message>
        <source>Why the show goes live over what stands (required)</source>
        <translation>在未通过项存在时仍要开播的理由（必填）</translation>
    </message>
    <message>
        <source>Record override and go live</source>
        <translation>记录强制开播并开播</translation>
    </message>
    <message>
        <source>Go live</source>
        <translation>开播</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <source>The script has no product cards.</source>
        <translation>脚本中没有商品卡。</translation>
    </message>
    <message>
        <source>Link {n} · {name} · live price {price}</source>
        <translation>{n} 号链接 · {name} · 到手价 {price}</translation>
    </message>
    <message>
        <source>(confirmed by {who} at {at})</source>
        <translation>（{who} 于 {at} 确认）</translation>
    </message>
    <message>
        <source>{who} at {at}</source>
        <translation>{who} {at}</translation>
    </message>
</context>
<context>
    <name>GateLauncher</name>
    <message>
        <source>Pre-show checklist…</source>
        <translation>开播前检查单…</translation>
    </message>
    <message>
        <source>开播前检查单: device check, signed review, prices and the studio&apos;s items</source>
        <translation>开播前检查单：设备检测、合规签字、价格和直播间检查项</translation>
    </message>
</context>
<context>
    <name>ShowReport</name>
    <message>
        <source>clear</source>
        <translation>全部通过</translation>
    </message>
    <message>
        <source>not clear</source>
        <translation>未全部通过</translation>
    </message>
    <message>
        <source>Pre-show checklist: {state}</source>
        <translation>开播前检查单：{state}</translation>
    </message>
    <message>
        <source>Override by {who} at {at}: {reason}</source>
        <translation>{who} 于 {at} 强制开播：{reason}</translation>
    </message>
</context>
<context>
    <name>TemplateDialog</name>
    <message>
        <source>Checklist template</source>
        <translation>检查单模板</translation>
    </message>
    <message>
        <source>One item a line. New shows copy these items; shows already prepared keep theirs.</source>
        <translation>每行一项。新的直播场次会复制这些检查项；已准备的场次保留原有的检查项。</translation>
    </message>
</context>
</TS>
