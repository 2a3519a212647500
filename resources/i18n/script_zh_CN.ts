<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>AppearanceDialog</name>
    <message>
        <source>Prompter appearance</source>
        <translation>提词器外观</translation>
    </message>
    <message>
        <source>New…</source>
        <translation>新建…</translation>
    </message>
    <message>
        <source>Rename…</source>
        <translation>重命名…</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>删除</translation>
    </message>
    <message>
        <source>From the top of the text area</source>
        <translation>从文字区顶部算起</translation>
    </message>
    <message>
        <source>Line and arrow</source>
        <translation>横线和箭头</translation>
    </message>
    <message>
        <source>Line</source>
        <translation>横线</translation>
    </message>
    <message>
        <source>Arrow</source>
        <translation>箭头</translation>
    </message>
    <message>
        <source>None</source>
        <translation>不显示</translation>
    </message>
    <message>
        <source>Mirror ↔</source>
        <translation>左右镜像</translation>
    </message>
    <message>
        <source>Mirror ↕</source>
        <translation>上下镜像</translation>
    </message>
    <message>
        <source>Font</source>
        <translation>字体</translation>
    </message>
    <message>
        <source>Font size</source>
        <translation>字号</translation>
    </message>
    <message>
        <source>Line spacing</source>
        <translation>行距</translation>
    </message>
    <message>
        <source>Side margins</source>
        <translation>左右边距</translation>
    </message>
    <message>
        <source>Reading line</source>
        <translation>阅读线位置</translation>
    </message>
    <message>
        <source>Reading marker</source>
        <translation>阅读线标记</translation>
    </message>
    <message>
        <source>Text colour</source>
        <translation>文字颜色</translation>
    </message>
    <message>
        <source>Heading colour</source>
        <translation>标题颜色</translation>
    </message>
    <message>
        <source>Background</source>
        <translation>背景颜色</translation>
    </message>
    <message>
        <source>Mirror</source>
        <translation>镜像</translation>
    </message>
    <message>
        <source>New profile</source>
        <translation>新建方案</translation>
    </message>
    <message>
        <source>Rename profile</source>
        <translation>重命名方案</translation>
    </message>
    <message>
        <source>Host or profile name</source>
        <translation>主播或方案名称</translation>
    </message>
    <message>
        <source>A profile needs a name.</source>
        <translation>方案需要一个名称。</translation>
    </message>
    <message>
        <source>A profile named “{name}” already exists.</source>
        <translation>已有名为“{name}”的方案。</translation>
    </message>
    <message>
        <source>Delete profile</source>
        <translation>删除方案</translation>
    </message>
    <message>
        <source>Delete the profile “{name}”?</source>
        <translation>删除方案“{name}”？</translation>
    </message>
</context>
<context>
    <name>Compliance</name>
    <message>
        <source>Rewritten</source>
        <translation>已改写</translation>
    </message>
    <message>
        <source>Kept</source>
        <translation>保留</translation>
    </message>
    <message>
        <source>Enter the reviewer&apos;s name: a record is signed by a person.</source>
        <translation>请填写审核人姓名：审核记录须由具体的人签署。</translation>
    </message>
    <message>
        <source>Forbidden terms cannot be accepted without a reason: rewrite them or give a reason for {terms}.</source>
        <translation>禁用词不能在没有理由的情况下通过：请改写，或为 {terms} 填写保留理由。</translation>
    </message>
</context>
<context>
    <name>ComplianceDialog</name>
    <message>
        <source>Sign the compliance review</source>
        <translation>签署合规审核</translation>
    </message>
    <message>
        <source>Your name, e.g. 场控 阿杰</source>
        <translation>您的姓名，例如 场控 阿杰</translation>
    </message>
    <message>
        <source>Optional note for the record</source>
        <translation>审核备注（可选）</translation>
    </message>
    <message>
        <source>Reviewer</source>
        <translation>审核人</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>备注</translation>
    </message>
    <message>
        <source>Term</source>
        <translation>词语</translation>
    </message>
    <message>
        <source>Severity</source>
        <translation>级别</translation>
    </message>
    <message>
        <source>How to say it instead</source>
        <translation>建议改为</translation>
    </message>
    <message>
        <source>Reason to keep</source>
        <translation>保留理由</translation>
    </message>
    <message>
        <source>Required to keep it</source>
        <translation>保留须填写理由</translation>
    </message>
    <message>
        <source>Optional</source>
        <translation>可选</translation>
    </message>
    <message>
        <source>{n} flagged term(s) are still in the text. Rewrite them in the editor, or give the reason each is kept; forbidden terms cannot be accepted without one.</source>
        <translation>文稿中仍有 {n} 个被标记的词语。请在编辑器中改写，或逐一填写保留理由；禁用词没有理由不能通过。</translation>
    </message>
    <message>
        <source>Nothing in the text is flagged.</source>
        <translation>文稿中没有被标记的词语。</translation>
    </message>
    <message>
        <source>Sign and accept</source>
        <translation>签署并通过</translation>
    </message>
</context>
<context>
    <name>ComplianceRecordsDialog</name>
    <message>
        <source>Compliance records</source>
        <translation>合规审核记录</translation>
    </message>
    <message>
        <source>All shows</source>
        <translation>全部场次</translation>
    </message>
    <message>
        <source>Checked between</source>
        <translation>审核日期</translation>
    </message>
    <message>
        <source>Show</source>
        <translation>场次</translation>
    </message>
    <message>
        <source>Checked at</source>
        <translation>审核时间</translation>
    </message>
    <message>
        <source>Reviewer</source>
        <translation>审核人</translation>
    </message>
    <message>
        <source>Accepted</source>
        <translation>通过</translation>
    </message>
    <message>
        <source>Forbidden</source>
        <translation>禁用词</translation>
    </message>
    <message>
        <source>Terms</source>
        <translation>词语处理</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>备注</translation>
    </message>
    <message>
        <source>Export CSV…</source>
        <translation>导出 CSV…</translation>
    </message>
    <message>
        <source>Export PDF…</source>
        <translation>导出 PDF…</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <source>{n} record(s)</source>
        <translation>共 {n} 条记录</translation>
    </message>
    <message>
        <source>Could not load the records: {error}</source>
        <translation>无法读取审核记录：{error}</translation>
    </message>
    <message>
        <source>{show}, checked {first} to {last}</source>
        <translation>{show}，审核日期 {first} 至 {last}</translation>
    </message>
    <message>
        <source>PDF (*.pdf)</source>
        <translation>PDF (*.pdf)</translation>
    </message>
    <message>
        <source>CSV (*.csv)</source>
        <translation>CSV (*.csv)</translation>
    </message>
    <message>
        <source>Export compliance records</source>
        <translation>导出合规审核记录</translation>
    </message>
    <message>
        <source>Export</source>
        <translation>导出</translation>
    </message>
    <message>
        <source>Cannot write {path}: {why}</source>
        <translation>无法写入 {path}：{why}</translation>
    </message>
    <message>
        <source>Written to {path}</source>
        <translation>已写入 {path}</translation>
    </message>
</context>
<context>
    <name>ComplianceReport</name>
    <message>
        <source>Checked at</source>
        <translation>审核时间</translation>
    </message>
    <message>
        <source>Show</source>
        <translation>场次</translation>
    </message>
    <message>
        <source>Show ID</source>
        <translation>场次 ID</translation>
    </message>
    <message>
        <source>Reviewer</source>
        <translation>审核人</translation>
    </message>
    <message>
        <source>Accepted</source>
        <translation>通过</translation>
    </message>
    <message>
        <source>Forbidden</source>
        <translation>禁用</translation>
    </message>
    <message>
        <source>Caution</source>
        <translation>慎用</translation>
    </message>
    <message>
        <source>Needs evidence</source>
        <translation>需依据</translation>
    </message>
    <message>
        <source>Terms</source>
        <translation>词语处理</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>备注</translation>
    </message>
    <message>
        <source>Word list</source>
        <translation>词库版本</translation>
    </message>
    <message>
        <source>{title} (deleted)</source>
        <translation>{title}（已删除）</translation>
    </message>
    <message>
        <source>Yes</source>
        <translation>是</translation>
    </message>
    <message>
        <source>No</source>
        <translation>否</translation>
    </message>
    <message>
        <source>“{text}” kept: {reason}</source>
        <translation>“{text}”保留：{reason}</translation>
    </message>
    <message>
        <source>“{text}” {outcome}</source>
        <translation>“{text}”{outcome}</translation>
    </message>
    <message>
        <source>Compliance records (直播前审核)</source>
        <translation>合规审核记录（直播前审核）</translation>
    </message>
</context>
<context>
    <name>EmergencyKind</name>
    <message>
        <source>Device failure</source>
        <translation>设备故障</translation>
    </message>
    <message>
        <source>Network drop</source>
        <translation>网络中断</translation>
    </message>
    <message>
        <source>Wrong price</source>
        <translation>价格错误</translation>
    </message>
    <message>
        <source>Wrong stock</source>
        <translation>库存错误</translation>
    </message>
    <message>
        <source>Hostile comment</source>
        <translation>恶意评论</translation>
    </message>
    <message>
        <source>Host needs a break</source>
        <translation>主播暂离</translation>
    </message>
</context>
<context>
    <name>KeyBindingsDialog</name>
    <message>
        <source>Prompter keys</source>
        <translation>提词器按键</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>操作</translation>
    </message>
    <message>
        <source>Key</source>
        <translation>按键</translation>
    </message>
    <message>
        <source>Second key</source>
        <translation>第二按键</translation>
    </message>
    <message>
        <source>Click a cell and press the key (a clicker or foot pedal works too).</source>
        <translation>点一下格子，再按下要用的键（翻页笔或脚踏板也可以）。</translation>
    </message>
    <message>
        <source>Test keys…</source>
        <translation>测试按键…</translation>
    </message>
    <message>
        <source>Press keys and see what each one does, without doing it</source>
        <translation>按下按键，查看每个键的作用（不会真的执行）</translation>
    </message>
    <message>
        <source>{action}: a clicker sends {keys}, so a stray press would trigger it. Pick another key.</source>
        <translation>{action}：翻页笔会发出 {keys}，误按就会触发。请换一个按键。</translation>
    </message>
</context>
<context>
    <name>KeyTestDialog</name>
    <message>
        <source>Key test</source>
        <translation>按键测试</translation>
    </message>
    <message>
        <source>Press a key on the clicker, foot pedal or keyboard. Nothing happens on air.</source>
        <translation>按下翻页笔、脚踏板或键盘上的键。直播画面不会有任何变化。</translation>
    </message>
    <message>
        <source>Waiting for a key…</source>
        <translation>等待按键…</translation>
    </message>
    <message>
        <source>nothing</source>
        <translation>无操作</translation>
    </message>
    <message>
        <source>Does: {action}</source>
        <translation>作用：{action}</translation>
    </message>
</context>
<context>
    <name>Lint</name>
    <message>
        <source>Forbidden</source>
        <translation>禁用</translation>
    </message>
    <message>
        <source>Caution</source>
        <translation>慎用</translation>
    </message>
    <message>
        <source>Needs evidence</source>
        <translation>需依据</translation>
    </message>
    <message>
        <source>Absolute claim</source>
        <translation>绝对化用语</translation>
    </message>
    <message>
        <source>Guarantee of effect</source>
        <translation>功效保证</translation>
    </message>
    <message>
        <source>False authority</source>
        <translation>虚假权威</translation>
    </message>
    <message>
        <source>Medical claim</source>
        <translation>医疗用语</translation>
    </message>
    <message>
        <source>Numeric claim</source>
        <translation>数据宣称</translation>
    </message>
    <message>
        <source>Price or urgency claim</source>
        <translation>价格与紧迫感</translation>
    </message>
    <message>
        <source>{where}: the pattern “{pattern}” is not a valid regular expression ({error}).</source>
        <translation>{where}：“{pattern}”不是有效的正则表达式（{error}）。</translation>
    </message>
    <message>
        <source>{where}: every entry needs a non-empty “pattern”.</source>
        <translation>{where}：每个词条都需要非空的“pattern”。</translation>
    </message>
    <message>
        <source>{where}: “{pattern}” needs a category ({categories}) and a severity (forbidden, caution, needs_evidence).</source>
        <translation>{where}：“{pattern}”需要类别（{categories}）和级别（forbidden、caution、needs_evidence）。</translation>
    </message>
    <message>
        <source>{where}: every exception needs a non-empty “pattern”.</source>
        <translation>{where}：每个例外都需要非空的“pattern”。</translation>
    </message>
    <message>
        <source>Cannot read the word list {path}: {error}</source>
        <translation>无法读取词表 {path}：{error}</translation>
    </message>
    <message>
        <source>The word list {path} is not valid UTF-8 JSON: {error}</source>
        <translation>词表 {path} 不是有效的 UTF-8 JSON：{error}</translation>
    </message>
    <message>
        <source>The word list {path} must be a JSON object with an “entries” list.</source>
        <translation>词表 {path} 应是包含“entries”列表的 JSON 对象。</translation>
    </message>
    <message>
        <source>{severity} “{text}”: {category} ({basis}). {hint}</source>
        <translation>{severity}“{text}”：{category}（{basis}）。{hint}</translation>
    </message>
    <message>
        <source>Line {line}, column {column}: {description}</source>
        <translation>第 {line} 行第 {column} 列：{description}</translation>
    </message>
</context>
<context>
    <name>OnAirPage</name>
    <message>
        <source>Promo clock</source>
        <translation>福利节奏</translation>
    </message>
    <message>
        <source>Done (Ctrl+D)</source>
        <translation>已完成 (Ctrl+D)</translation>
    </message>
    <message>
        <source>Skipped (Ctrl+K)</source>
        <translation>跳过 (Ctrl+K)</translation>
    </message>
    <message>
        <source>Reading</source>
        <translation>读稿</translation>
    </message>
    <message>
        <source>Fit to time (Ctrl+T)</source>
        <translation>按时收尾 (Ctrl+T)</translation>
    </message>
    <message>
        <source>Set the speed so the current segment ends on time</source>
        <translation>调整语速，让当前环节按计划时间结束</translation>
    </message>
    <message>
        <source>Segment</source>
        <translation>环节</translation>
    </message>
    <message>
        <source>Speed</source>
        <translation>速度</translation>
    </message>
    <message>
        <source>Schedule</source>
        <translation>进度</translation>
    </message>
    <message>
        <source>Q&amp;&amp;A timer</source>
        <translation>答疑计时</translation>
    </message>
    <message>
        <source>Calibrate rate from this show</source>
        <translation>按本场实读校准语速</translation>
    </message>
    <message>
        <source>Learn the host&apos;s rate (chars/min) from the segments read so far and use it as gear 5</source>
        <translation>根据本场已读环节算出主播的实际语速（字/分），作为 5 档速度</translation>
    </message>
    <message>
        <source>Cue for the host</source>
        <translation>给主播的提示</translation>
    </message>
    <message>
        <source>e.g. 讲3号链接 / 库存剩50 — Enter sends (Ctrl+L to type)</source>
        <translation>例如 讲3号链接 / 库存剩50 —— 回车发送（Ctrl+L 输入）</translation>
    </message>
    <message>
        <source>Send</source>
        <translation>发送</translation>
    </message>
    <message>
        <source>Dismiss (Ctrl+Shift+D)</source>
        <translation>关闭 (Ctrl+Shift+D)</translation>
    </message>
    <message>
        <source>Emergency scripts</source>
        <translation>应急话术</translation>
    </message>
    <message>
        <source>What was corrected (optional)</source>
        <translation>更正了什么（可不填）</translation>
    </message>
    <message>
        <source>Log correction (Ctrl+R)</source>
        <translation>记录更正 (Ctrl+R)</translation>
    </message>
    <message>
        <source>Emergency script on the prompter: {title} (Esc closes it)</source>
        <translation>提词器正在显示应急话术：{title}（按 Esc 关闭）</translation>
    </message>
    <message>
        <source>Correction logged.</source>
        <translation>已记录更正。</translation>
    </message>
    <message>
        <source>Fit to time works once the show is on air.</source>
        <translation>开播后才能按时收尾。</translation>
    </message>
    <message>
        <source>Speed set to {cpm:.0f} chars/min to end the segment on time.</source>
        <translation>语速已设为 {cpm:.0f} 字/分，当前环节可按时结束。</translation>
    </message>
    <message>
        <source>Not enough reading yet to calibrate: read a few segments first.</source>
        <translation>已读内容太少，无法校准：先读几个环节。</translation>
    </message>
    <message>
        <source>Host&apos;s rate calibrated to {cpm:.0f} chars/min from {n} segments.</source>
        <translation>已根据 {n} 个环节把主播语速校准为 {cpm:.0f} 字/分。</translation>
    </message>
</context>
<context>
    <name>OnAirSession</name>
    <message>
        <source>On time</source>
        <translation>准点</translation>
    </message>
    <message>
        <source>{m:.1f} min behind</source>
        <translation>落后 {m:.1f} 分钟</translation>
    </message>
    <message>
        <source>{m:.1f} min ahead</source>
        <translation>提前 {m:.1f} 分钟</translation>
    </message>
    <message>
        <source>The script has no segments to run.</source>
        <translation>脚本里没有可以播的环节。</translation>
    </message>
    <message>
        <source>The reading rate must be above zero.</source>
        <translation>语速必须大于零。</translation>
    </message>
    <message>
        <source>The show has already started.</source>
        <translation>直播已经开始了。</translation>
    </message>
    <message>
        <source>Type a message for the host first.</source>
        <translation>请先输入给主播的提示。</translation>
    </message>
    <message>
        <source>A cue is at most {n} characters; the host reads it at a glance.</source>
        <translation>提示最多 {n} 个字，主播要一眼看完。</translation>
    </message>
    <message>
        <source>Only the segments still to come can be reordered.</source>
        <translation>只能调整还没播的环节顺序。</translation>
    </message>
    <message>
        <source>This script has no emergency text for “{name}”.</source>
        <translation>这份脚本没有“{name}”的应急话术。</translation>
    </message>
    <message>
        <source>Correction made on air</source>
        <translation>直播中已更正</translation>
    </message>
    <message>
        <source>The saved on-air state could not be read: {error}</source>
        <translation>无法读取保存的直播状态：{error}</translation>
    </message>
    <message>
        <source>The show is not on air.</source>
        <translation>直播尚未开始。</translation>
    </message>
</context>
<context>
    <name>OnAirText</name>
    <message>
        <source>Every {m:.0f} min from the start</source>
        <translation>从开播起每 {m:.0f} 分钟一轮</translation>
    </message>
    <message>
        <source>Round {n} due at {time}</source>
        <translation>第 {n} 轮 {time} 到点</translation>
    </message>
    <message>
        <source>Promo now {late}</source>
        <translation>福利时间 {late}</translation>
    </message>
    <message>
        <source>Promo time! Round {n} — giveaway / flash sale now</source>
        <translation>福利时间到！第 {n} 轮 —— 现在抽奖 / 秒杀</translation>
    </message>
    <message>
        <source>Next promo {countdown}</source>
        <translation>下一轮福利 {countdown}</translation>
    </message>
    <message>
        <source>Promo in {countdown} — get ready</source>
        <translation>{countdown} 后福利 —— 准备</translation>
    </message>
    <message>
        <source>No promo due yet.</source>
        <translation>还没有到点的福利。</translation>
    </message>
    <message>
        <source>not running</source>
        <translation>未计时</translation>
    </message>
    <message>
        <source>Promo clock starts with the show</source>
        <translation>开播后开始福利倒计时</translation>
    </message>
    <message>
        <source>Starts with the show</source>
        <translation>开播后开始</translation>
    </message>
    <message>
        <source>Q&amp;A time {remaining}</source>
        <translation>答疑时间 {remaining}</translation>
    </message>
    <message>
        <source>{text}  (+{n} more)</source>
        <translation>{text}（另有 {n} 条）</translation>
    </message>
    <message>
        <source>Flash sale {left} · SOLD OUT</source>
        <translation>秒杀 {left} · 已售罄</translation>
    </message>
    <message>
        <source>Flash sale {left} · {n} left</source>
        <translation>秒杀 {left} · 剩 {n} 件</translation>
    </message>
    <message>
        <source>Link {n} {name}</source>
        <translation>{n}号链接 {name}</translation>
    </message>
    <message>
        <source>Q: {question}</source>
        <translation>问：{question}</translation>
    </message>
    <message>
        <source>Emergency script — Esc to close</source>
        <translation>应急话术 —— 按 Esc 关闭</translation>
    </message>
    <message>
        <source>Gear {gear} · {cpm:.0f} chars/min · {state}</source>
        <translation>{gear} 档 · {cpm:.0f} 字/分 · {state}</translation>
    </message>
    <message>
        <source>paused</source>
        <translation>已暂停</translation>
    </message>
    <message>
        <source>running</source>
        <translation>滚动中</translation>
    </message>
    <message>
        <source>{time} past the planned start</source>
        <translation>已超过计划开播时间 {time}</translation>
    </message>
    <message>
        <source>On air in {time}</source>
        <translation>距开播 {time}</translation>
    </message>
    <message>
        <source>Press Space to start · {cpm:.0f} chars/min</source>
        <translation>按空格开播 · {cpm:.0f} 字/分</translation>
    </message>
    <message>
        <source>Paused · gear {gear} · {cpm:.0f} chars/min</source>
        <translation>已暂停 · {gear} 档 · {cpm:.0f} 字/分</translation>
    </message>
    <message>
        <source>Gear {gear} · {cpm:.0f} chars/min</source>
        <translation>{gear} 档 · {cpm:.0f} 字/分</translation>
    </message>
    <message>
        <source>Live price {price}</source>
        <translation>到手价 {price}</translation>
    </message>
    <message>
        <source>Stock {n}</source>
        <translation>库存 {n}</translation>
    </message>
    <message>
        <source>Coupon {coupon}</source>
        <translation>券 {coupon}</translation>
    </message>
    <message>
        <source>&lt;i&gt;No product in this segment.&lt;/i&gt;</source>
        <translation>&lt;i&gt;本环节没有商品。&lt;/i&gt;</translation>
    </message>
    <message>
        <source>Live price &lt;b style=&apos;color:#e5484d;font-size:14pt&apos;&gt;{live}&lt;/b&gt; (list {list}, {basis})</source>
        <translation>到手价 &lt;b style=&apos;color:#e5484d;font-size:14pt&apos;&gt;{live}&lt;/b&gt;（对比价 {list}，{basis}）</translation>
    </message>
    <message>
        <source>basis not given</source>
        <translation>未注明依据</translation>
    </message>
    <message>
        <source>Coupon: {coupon}</source>
        <translation>优惠券：{coupon}</translation>
    </message>
    <message>
        <source>Stock: {n}</source>
        <translation>库存：{n}</translation>
    </message>
    <message>
        <source>Features</source>
        <translation>特点</translation>
    </message>
    <message>
        <source>Advantages</source>
        <translation>优势</translation>
    </message>
    <message>
        <source>Benefits</source>
        <translation>好处</translation>
    </message>
    <message>
        <source>done</source>
        <translation>已完成</translation>
    </message>
    <message>
        <source>skipped</source>
        <translation>已跳过</translation>
    </message>
    <message>
        <source>missed</source>
        <translation>已错过</translation>
    </message>
    <message>
        <source>due</source>
        <translation>到点</translation>
    </message>
    <message>
        <source>overdue</source>
        <translation>已超时</translation>
    </message>
    <message>
        <source>soon</source>
        <translation>即将开始</translation>
    </message>
    <message>
        <source>upcoming</source>
        <translation>未到</translation>
    </message>
    <message>
        <source>Round {n} ({due}): {state}</source>
        <translation>第 {n} 轮（{due}）：{state}</translation>
    </message>
    <message>
        <source>{m:.1f} min late</source>
        <translation>晚了 {m:.1f} 分钟</translation>
    </message>
</context>
<context>
    <name>Pricing</name>
    <message>
        <source>Link {n} ({name}) has no live price.</source>
        <translation>{n}号链接（{name}）没有填写到手价。</translation>
    </message>
    <message>
        <source>Link {n} ({name}) sells at ¥0; confirm it is meant as a free giveaway.</source>
        <translation>{n}号链接（{name}）售价为¥0，请确认是免费福利。</translation>
    </message>
    <message>
        <source>Link {n} ({name}): live price {live} is about a tenth of the list price {list} or less — a missing zero?</source>
        <translation>{n}号链接（{name}）：到手价{live}只有原价{list}的十分之一左右或更低——是否少打了一个0？</translation>
    </message>
    <message>
        <source>Link {n} ({name}): live price {live} is about ten times the list price {list} — an extra zero?</source>
        <translation>{n}号链接（{name}）：到手价{live}约为原价{list}的十倍——是否多打了一个0？</translation>
    </message>
    <message>
        <source>Link {n} ({name}): live price {live} is above the list price {list}.</source>
        <translation>{n}号链接（{name}）：到手价{live}高于原价{list}。</translation>
    </message>
    <message>
        <source>Link {n} ({name}) has no stock ({stock}).</source>
        <translation>{n}号链接（{name}）没有库存（{stock}）。</translation>
    </message>
</context>
<context>
    <name>Product</name>
    <message>
        <source>Link {n}</source>
        <translation>{n}号链接</translation>
    </message>
</context>
<context>
    <name>PromoClock</name>
    <message>
        <source>Promo due now {late}</source>
        <translation>福利时间到 {late}</translation>
    </message>
    <message>
        <source>Next promo {countdown}</source>
        <translation>下一轮福利 {countdown}</translation>
    </message>
    <message>
        <source>Promo {slot} is already marked.</source>
        <translation>第 {slot} 轮福利已经标记过了。</translation>
    </message>
    <message>
        <source>Promo {slot} was missed and can no longer be marked.</source>
        <translation>第 {slot} 轮福利已错过，无法再标记。</translation>
    </message>
</context>
<context>
    <name>PrompterKeys</name>
    <message>
        <source>Faster (gear up)</source>
        <translation>加速（升一档）</translation>
    </message>
    <message>
        <source>Slower (gear down)</source>
        <translation>减速（降一档）</translation>
    </message>
    <message>
        <source>Pause / resume (starts the show)</source>
        <translation>暂停 / 继续（未开播时开播）</translation>
    </message>
    <message>
        <source>Next segment</source>
        <translation>下一环节</translation>
    </message>
    <message>
        <source>Previous segment</source>
        <translation>上一环节</translation>
    </message>
    <message>
        <source>First segment</source>
        <translation>第一个环节</translation>
    </message>
    <message>
        <source>Last segment</source>
        <translation>最后一个环节</translation>
    </message>
    <message>
        <source>Rewind while held</source>
        <translation>按住倒退</translation>
    </message>
    <message>
        <source>Blank the screen</source>
        <translation>黑屏</translation>
    </message>
    <message>
        <source>Dismiss cue or emergency text</source>
        <translation>关闭提示或应急话术</translation>
    </message>
    <message>
        <source>Promo done</source>
        <translation>福利已完成</translation>
    </message>
    <message>
        <source>Promo skipped</source>
        <translation>福利已跳过</translation>
    </message>
    <message>
        <source>Log a correction</source>
        <translation>记录一次更正</translation>
    </message>
    <message>
        <source>Gear {n}</source>
        <translation>{n} 档</translation>
    </message>
    <message>
        <source>Emergency script {n}</source>
        <translation>应急话术 {n}</translation>
    </message>
</context>
<context>
    <name>PrompterWindow</name>
    <message>
        <source>Prompter</source>
        <translation>提词器</translation>
    </message>
</context>
<context>
    <name>QaTimer</name>
    <message>
        <source>Q&amp;A {remaining}</source>
        <translation>答疑 {remaining}</translation>
    </message>
</context>
<context>
    <name>RundownList</name>
    <message>
        <source>#</source>
        <translation>序号</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>Segment</source>
        <translation>环节</translation>
    </message>
    <message>
        <source>Planned</source>
        <translation>计划</translation>
    </message>
    <message>
        <source>Estimated</source>
        <translation>预估</translation>
    </message>
    <message>
        <source>Actual</source>
        <translation>实际</translation>
    </message>
    <message>
        <source>Product card</source>
        <translation>商品卡</translation>
    </message>
    <message>
        <source>The text takes {s:.0f} s longer to read than planned</source>
        <translation>读完这段文字比计划多 {s:.0f} 秒</translation>
    </message>
    <message>
        <source>Planned {planned} · estimated {estimated} at {rate:.0f} chars/min</source>
        <translation>计划 {planned} · 按 {rate:.0f} 字/分预估 {estimated}</translation>
    </message>
</context>
<context>
    <name>ScriptCli</name>
    <message>
        <source>standard input is not UTF-8 text.</source>
        <translation>标准输入不是 UTF-8 文本。</translation>
    </message>
    <message>
        <source>cannot read {path}: {error}</source>
        <translation>无法读取 {path}：{error}</translation>
    </message>
    <message>
        <source>{path} is not UTF-8 text; save it as UTF-8 and try again.</source>
        <translation>{path} 不是 UTF-8 文本，请另存为 UTF-8 后重试。</translation>
    </message>
    <message>
        <source>{path}: {error}</source>
        <translation>{path}：{error}</translation>
    </message>
    <message>
        <source>{forbidden} forbidden, {caution} caution, {evidence} needing evidence.</source>
        <translation>禁用 {forbidden} 处，慎用 {caution} 处，需依据 {evidence} 处。</translation>
    </message>
    <message>
        <source>Compliance review saved with show {id}: accepted.</source>
        <translation>合规审核已保存到场次 {id}：已确认。</translation>
    </message>
    <message>
        <source>Compliance review saved with show {id}: not accepted.</source>
        <translation>合规审核已保存到场次 {id}：未确认。</translation>
    </message>
    <message>
        <source>{text} is not a date; write it as YYYY-MM-DD.</source>
        <translation>{text} 不是日期；请写成 YYYY-MM-DD。</translation>
    </message>
    <message>
        <source>Wrote {n} compliance record(s) to {path}.</source>
        <translation>已将 {n} 条合规审核记录写入 {path}。</translation>
    </message>
    <message>
        <source>{n} compliance record(s).</source>
        <translation>共 {n} 条合规审核记录。</translation>
    </message>
    <message>
        <source>{n} price or stock warning(s) need a second confirmation.</source>
        <translation>有 {n} 条价格或库存提醒需要二次确认。</translation>
    </message>
    <message>
        <source>{n} product card(s) checked; prices and stock look sane.</source>
        <translation>已检查 {n} 个商品卡，价格和库存看起来正常。</translation>
    </message>
    <message>
        <source>{path} already exists; use --force to overwrite it.</source>
        <translation>{path} 已存在；如需覆盖请加 --force。</translation>
    </message>
    <message>
        <source>cannot write {path}: {error}</source>
        <translation>无法写入 {path}：{error}</translation>
    </message>
    <message>
        <source>Wrote a new-show template to {path}.</source>
        <translation>已将新场次模板写入 {path}。</translation>
    </message>
    <message>
        <source>show {id} is on air; end it before deleting it.</source>
        <translation>场次 {id} 正在直播，请先结束直播再删除。</translation>
    </message>
    <message>
        <source>Deleted show {id}.</source>
        <translation>已删除场次 {id}。</translation>
    </message>
    <message>
        <source>there is no show with id {id}.</source>
        <translation>没有 id 为 {id} 的场次。</translation>
    </message>
    <message>
        <source>Imported “{title}” ({n} segments, {p} products) as revision {rev} of show {id}.</source>
        <translation>已导入“{title}”（{n} 个环节，{p} 个商品），为场次 {id} 的第 {rev} 版脚本。</translation>
    </message>
    <message>
        <source>show {id} has no script (or there is no such show).</source>
        <translation>场次 {id} 没有脚本（或没有这个场次）。</translation>
    </message>
    <message>
        <source>Wrote the script of show {id} to {path}.</source>
        <translation>已将场次 {id} 的脚本写入 {path}。</translation>
    </message>
</context>
<context>
    <name>ScriptEditorPage</name>
    <message>
        <source>Check (F7)</source>
        <translation>检查 (F7)</translation>
    </message>
    <message>
        <source>Save to show (Ctrl+S)</source>
        <translation>保存到本场 (Ctrl+S)</translation>
    </message>
    <message>
        <source>Sign compliance review…</source>
        <translation>签署合规审核…</translation>
    </message>
    <message>
        <source>The named reviewer signs the text: each flagged term rewritten or kept with a reason</source>
        <translation>由具名审核人签署文稿：每个被标记的词语须改写，或填写理由后保留</translation>
    </message>
    <message>
        <source>Compliance records…</source>
        <translation>合规审核记录…</translation>
    </message>
    <message>
        <source>The rundown was reordered: your unsaved edits are on the old order.</source>
        <translation>流程已调整顺序：你未保存的修改还是按旧顺序写的。</translation>
    </message>
    <message>
        <source>The editor shows the reordered rundown (revision {n}).</source>
        <translation>编辑器已显示调整后的流程（第 {n} 版）。</translation>
    </message>
    <message>
        <source>Line {n}: {message}</source>
        <translation>第 {n} 行：{message}</translation>
    </message>
    <message>
        <source>Price check: {message}</source>
        <translation>价格检查：{message}</translation>
    </message>
    <message>
        <source>No problems found.</source>
        <translation>没有发现问题。</translation>
    </message>
    <message>
        <source>Import a script</source>
        <translation>导入脚本</translation>
    </message>
    <message>
        <source>Scripts (*.md *.txt);;All files (*)</source>
        <translation>脚本 (*.md *.txt);;所有文件 (*)</translation>
    </message>
    <message>
        <source>Export the script</source>
        <translation>导出脚本</translation>
    </message>
    <message>
        <source>Scripts (*.md *.txt)</source>
        <translation>脚本 (*.md *.txt)</translation>
    </message>
    <message>
        <source>{name}, line {n}: {message} Nothing was imported.</source>
        <translation>{name} 第 {n} 行：{message} 未导入任何内容。</translation>
    </message>
    <message>
        <source>{name} is not UTF-8 text. Nothing was imported.</source>
        <translation>{name} 不是 UTF-8 文本，未导入任何内容。</translation>
    </message>
    <message>
        <source>Could not read {name}: {error}</source>
        <translation>无法读取 {name}：{error}</translation>
    </message>
    <message>
        <source>Imported {name}. Check it, then save it to the show (Ctrl+S).</source>
        <translation>已导入 {name}。检查无误后保存到本场 (Ctrl+S)。</translation>
    </message>
    <message>
        <source>Could not export to {path}: {error}</source>
        <translation>无法导出到 {path}：{error}</translation>
    </message>
    <message>
        <source>Exported to {path}.</source>
        <translation>已导出到 {path}。</translation>
    </message>
    <message>
        <source>The script was not saved: fix the line shown in the list first.</source>
        <translation>脚本未保存：请先改正列表中指出的那一行。</translation>
    </message>
    <message>
        <source>Not saved: the prices need a second look.</source>
        <translation>未保存：价格需要再次核对。</translation>
    </message>
    <message>
        <source>Could not save the script: {error}</source>
        <translation>无法保存脚本：{error}</translation>
    </message>
    <message>
        <source>The word list is still loading; try again in a moment.</source>
        <translation>词库仍在加载，请稍后再试。</translation>
    </message>
    <message>
        <source>Not signed: the prices need a second look.</source>
        <translation>未签署：价格需要再次确认。</translation>
    </message>
    <message>
        <source>Compliance review signed by {name}.</source>
        <translation>合规审核已由 {name} 签署。</translation>
    </message>
    <message>
        <source>The show no longer exists; nothing was signed.</source>
        <translation>该场次已不存在，未签署任何记录。</translation>
    </message>
    <message>
        <source>Could not sign: {error}</source>
        <translation>无法签署：{error}</translation>
    </message>
    <message>
        <source>Check the prices</source>
        <translation>核对价格</translation>
    </message>
    <message>
        <source>These prices look wrong:

{lines}

Are they really right?</source>
        <translation>这些价格看起来不对：

{lines}

确认无误吗？</translation>
    </message>
</context>
<context>
    <name>ScriptFormat</name>
    <message>
        <source>Line {line}: {message}</source>
        <translation>第 {line} 行：{message}</translation>
    </message>
    <message>
        <source>The segment heading needs its planned duration at the end, e.g. “(5 min)”.</source>
        <translation>环节标题末尾需要写计划时长，例如“(5 min)”。</translation>
    </message>
    <message>
        <source>“{text}” is not a duration; write the minutes like “(5 min)” or “(5分钟)”.</source>
        <translation>“{text}”不是时长；请写成“(5 min)”或“(5分钟)”。</translation>
    </message>
    <message>
        <source>A segment lasts more than 0 and at most 1440 minutes, not {n}.</source>
        <translation>环节时长应大于 0 且不超过 1440 分钟，而不是 {n}。</translation>
    </message>
    <message>
        <source>A segment heading looks like “## [开场] 欢迎 (5 min)”; this one could not be read.</source>
        <translation>环节标题的格式是“## [开场] 欢迎 (5 min)”；这一行无法识别。</translation>
    </message>
    <message>
        <source>The segment type is missing inside the brackets, e.g. “[开场]”.</source>
        <translation>方括号里缺少环节类型，例如“[开场]”。</translation>
    </message>
    <message>
        <source>Unknown segment type “{kind}”. Use one of: {known} (or their English names).</source>
        <translation>未知的环节类型“{kind}”。可用：{known}（或对应的英文名）。</translation>
    </message>
    <message>
        <source>“{token}” is not a link number; write it like “[讲品 1号链接]”.</source>
        <translation>“{token}”不是链接号；请写成“[讲品 1号链接]”。</translation>
    </message>
    <message>
        <source>“{value}” is not a price; write a number of yuan like “89” or “19.9”.</source>
        <translation>“{value}”不是价格；请写成以元为单位的数字，如“89”或“19.9”。</translation>
    </message>
    <message>
        <source>“{value}” is not a stock count; write a whole number like “500”.</source>
        <translation>“{value}”不是库存数量；请写整数，如“500”。</translation>
    </message>
    <message>
        <source>A product block starts like “::: product 1号链接”; the link number is missing.</source>
        <translation>商品块应以“::: product 1号链接”开头；缺少链接号。</translation>
    </message>
    <message>
        <source>Product lines are “field: value”; “{line}” is not one. Fields: name, list_price, live_price, price_basis, coupon, stock, feature, advantage, benefit, proof, Q, A.</source>
        <translation>商品信息每行为“字段: 值”；“{line}”不符合。字段：name、list_price、live_price、price_basis、coupon、stock、feature、advantage、benefit、proof、Q、A（也可用中文名）。</translation>
    </message>
    <message>
        <source>This question has no answer line (“A: …”) after it.</source>
        <translation>这个问题后面缺少回答行（“A: …”）。</translation>
    </message>
    <message>
        <source>An answer (“A: …”) must follow its question (“Q: …”).</source>
        <translation>回答（“A: …”）必须跟在问题（“Q: …”）后面。</translation>
    </message>
    <message>
        <source>The field “{key}” is given twice.</source>
        <translation>字段“{key}”重复出现。</translation>
    </message>
    <message>
        <source>The product needs a name line (“name: …”).</source>
        <translation>商品需要名称行（“name: …”）。</translation>
    </message>
    <message>
        <source>An emergency block starts like “::: emergency 网络中断 F2”; the kind is missing.</source>
        <translation>应急话术块应以“::: emergency 网络中断 F2”开头；缺少类型。</translation>
    </message>
    <message>
        <source>Unknown emergency kind “{kind}”. Use one of: {known} (or their English names).</source>
        <translation>未知的应急类型“{kind}”。可用：{known}（或对应的英文名）。</translation>
    </message>
    <message>
        <source>This comment is not closed; end it with “--&gt;”.</source>
        <translation>注释没有结束；请用“--&gt;”结束。</translation>
    </message>
    <message>
        <source>A script starts with its title line, e.g. “# 秋季好物专场”.</source>
        <translation>脚本第一行应是标题，例如“# 秋季好物专场”。</translation>
    </message>
    <message>
        <source>This block is not closed; end it with a line “:::”.</source>
        <translation>这个块没有结束；请用单独一行“:::”结束。</translation>
    </message>
    <message>
        <source>Link {n} is already used by the product on line {other}.</source>
        <translation>{n}号链接已被第 {other} 行的商品使用。</translation>
    </message>
    <message>
        <source>Unknown block “{kind}”; blocks are “::: product …” and “::: emergency …”.</source>
        <translation>未知的块“{kind}”；可用的块是“::: product …”和“::: emergency …”。</translation>
    </message>
    <message>
        <source>A script has one title line; segments start with “## ”. Write “\#” for a literal “#”.</source>
        <translation>脚本只有一行标题；环节以“## ”开头。正文中的“#”请写成“\#”。</translation>
    </message>
    <message>
        <source>Before the first segment only header lines “key: value” are allowed (host, rate, promo_every …); “{line}” is not one.</source>
        <translation>第一个环节之前只能写“键: 值”形式的表头（host、rate、promo_every 等）；“{line}”不符合。</translation>
    </message>
    <message>
        <source>The file is empty; a script starts with its title line “# …”.</source>
        <translation>文件是空的；脚本第一行应是标题“# …”。</translation>
    </message>
    <message>
        <source>This segment sells link {n}, but no “::: product {n}号链接” block defines it.</source>
        <translation>这个环节讲的是{n}号链接，但没有“::: product {n}号链接”商品块。</translation>
    </message>
</context>
<context>
    <name>ScriptPanel</name>
    <message>
        <source>Start show</source>
        <translation>开播</translation>
    </message>
    <message>
        <source>Open prompter</source>
        <translation>打开提词器</translation>
    </message>
    <message>
        <source>On air</source>
        <translation>直播中</translation>
    </message>
    <message>
        <source>Script editor</source>
        <translation>脚本编辑</translation>
    </message>
    <message>
        <source>No show yet. Create one, then write or import its script.</source>
        <translation>还没有直播场次。先新建一场，再编写或导入脚本。</translation>
    </message>
    <message>
        <source>This show was deleted on another computer; its run log is still kept.</source>
        <translation>这场直播已在另一台电脑上被删除；它的运行日志仍保留在本机。</translation>
    </message>
    <message>
        <source>The show you had open was deleted on another computer.</source>
        <translation>你打开的场次已在另一台电脑上被删除。</translation>
    </message>
    <message>
        <source>End the show on air before switching to another one.</source>
        <translation>请先结束正在进行的直播，再切换场次。</translation>
    </message>
    <message>
        <source>“{title}” is on air: end the show before deleting it.</source>
        <translation>“{title}”正在直播：请先结束直播再删除。</translation>
    </message>
    <message>
        <source>Could not delete the show: {error}</source>
        <translation>无法删除场次：{error}</translation>
    </message>
    <message>
        <source>Deleted the show “{title}”.</source>
        <translation>已删除场次“{title}”。</translation>
    </message>
    <message>
        <source>The show “{title}” was already deleted.</source>
        <translation>场次“{title}”已被删除。</translation>
    </message>
    <message>
        <source>Could not load the show: {error}</source>
        <translation>无法加载这场直播：{error}</translation>
    </message>
    <message>
        <source>This show has no script yet: write one in the editor or import a file.</source>
        <translation>这场直播还没有脚本：在编辑器里编写，或导入文件。</translation>
    </message>
    <message>
        <source>Run log not saved: {error}</source>
        <translation>直播记录未保存：{error}</translation>
    </message>
    <message>
        <source>Resumed the show in progress.</source>
        <translation>已恢复进行中的直播。</translation>
    </message>
    <message>
        <source>End the show</source>
        <translation>结束直播</translation>
    </message>
    <message>
        <source>End the show now? The run log is closed and the promo clock stops.</source>
        <translation>现在结束直播吗？直播记录将关闭，福利倒计时停止。</translation>
    </message>
    <message>
        <source>Close prompter</source>
        <translation>关闭提词器</translation>
    </message>
    <message>
        <source>End show</source>
        <translation>结束直播</translation>
    </message>
    <message>
        <source>Choose a show first.</source>
        <translation>请先选择直播场次。</translation>
    </message>
    <message>
        <source>Script saved to the show.</source>
        <translation>脚本已保存到本场直播。</translation>
    </message>
</context>
<context>
    <name>ScriptService</name>
    <message>
        <source>the show&apos;s script changed since the editor opened it (revision {base} → {now}: the live room reordered the rundown, or another desktop saved it). Your text stays in the editor: copy your change, open the show again and make it there.</source>
        <translation>打开编辑器后本场脚本已有新版本（第 {base} 版 → 第 {now} 版：直播间调整了流程顺序，或另一台电脑保存过）。你的文字仍在编辑器里：请复制你的修改，重新打开本场，在最新文字上再改一次。</translation>
    </message>
</context>
<context>
    <name>SegmentKind</name>
    <message>
        <source>Opening</source>
        <translation>开场</translation>
    </message>
    <message>
        <source>Product</source>
        <translation>讲品</translation>
    </message>
    <message>
        <source>Closing push</source>
        <translation>逼单</translation>
    </message>
    <message>
        <source>Giveaway</source>
        <translation>福利</translation>
    </message>
    <message>
        <source>Flash sale</source>
        <translation>秒杀</translation>
    </message>
    <message>
        <source>Transition</source>
        <translation>过款</translation>
    </message>
    <message>
        <source>Q&amp;A</source>
        <translation>答疑</translation>
    </message>
    <message>
        <source>Wrap-up</source>
        <translation>收尾</translation>
    </message>
</context>
<context>
    <name>ShowBar</name>
    <message>
        <source>Delete show…</source>
        <translation>删除场次…</translation>
    </message>
    <message>
        <source>Delete the chosen show (not while it is on air)</source>
        <translation>删除所选场次（直播中不可删除）</translation>
    </message>
    <message>
        <source>Start show</source>
        <translation>开播</translation>
    </message>
    <message>
        <source>Ctrl+Enter (or Space on the prompter)</source>
        <translation>Ctrl+Enter（或在提词器上按空格）</translation>
    </message>
    <message>
        <source>Time to the show&apos;s planned start</source>
        <translation>距本场计划开播时间还有多久</translation>
    </message>
    <message>
        <source>Open prompter</source>
        <translation>打开提词器</translation>
    </message>
    <message>
        <source>Ctrl+P: full screen on the chosen display</source>
        <translation>Ctrl+P：在所选显示器上全屏</translation>
    </message>
    <message>
        <source>The host&apos;s prompter profile</source>
        <translation>主播的提词器外观方案</translation>
    </message>
    <message>
        <source>Appearance…</source>
        <translation>外观…</translation>
    </message>
    <message>
        <source>Font, spacing, margins, reading line and colours per host</source>
        <translation>每位主播各自的字体、行距、边距、阅读线和颜色</translation>
    </message>
    <message>
        <source>Mirror ↔</source>
        <translation>左右镜像</translation>
    </message>
    <message>
        <source>Mirror ↕</source>
        <translation>上下镜像</translation>
    </message>
    <message>
        <source>Prompter font size</source>
        <translation>提词器字号</translation>
    </message>
    <message>
        <source>Keys…</source>
        <translation>按键…</translation>
    </message>
    <message>
        <source>Rebind the prompter&apos;s keys (clicker, foot pedal)</source>
        <translation>重新设置提词器按键（翻页笔、脚踏板）</translation>
    </message>
    <message>
        <source>Import…</source>
        <translation>导入…</translation>
    </message>
    <message>
        <source>Export…</source>
        <translation>导出…</translation>
    </message>
    <message>
        <source>Show</source>
        <translation>直播场次</translation>
    </message>
    <message>
        <source>Delete show</source>
        <translation>删除场次</translation>
    </message>
    <message>
        <source>Delete the show “{title}”?</source>
        <translation>删除场次“{title}”？</translation>
    </message>
    <message>
        <source>It leaves the show list here and, after the next sync, at the head office and on the other computers. Its run log and compliance records are kept.</source>
        <translation>它将从本机的场次列表中移除，下次同步后总部和其他电脑上也会移除。其直播日志和合规记录仍会保留。</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>删除</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
</context>
</TS>
