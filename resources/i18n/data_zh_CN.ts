<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>BreakdownTabs</name>
    <message>
        <source>Products</source>
        <translation>商品</translation>
    </message>
    <message>
        <source>Interaction &amp; traffic</source>
        <translation>互动与流量</translation>
    </message>
</context>
<context>
    <name>DataCli</name>
    <message>
        <source>No show with id {id}.</source>
        <translation>没有 id 为 {id} 的场次。</translation>
    </message>
    <message>
        <source>There are no shows in this workspace.</source>
        <translation>此工作区中还没有场次。</translation>
    </message>
    <message>
        <source>Imported {n} rows from {name} (encoding {encoding}).</source>
        <translation>已从 {name} 导入 {n} 行（编码 {encoding}）。</translation>
    </message>
    <message>
        <source>The amount must be more than 0 yuan.</source>
        <translation>金额必须大于 0 元。</translation>
    </message>
    <message>
        <source>Added ¥{amount:,.2f} of ad spend ({channel}) to show {id}.</source>
        <translation>已为场次 {id} 添加投放花费 ¥{amount:,.2f}（{channel}）。</translation>
    </message>
    <message>
        <source>Review saved to {path}</source>
        <translation>复盘已保存到 {path}</translation>
    </message>
</context>
<context>
    <name>DataDemo</name>
    <message>
        <source>Douyin Compass (demo)</source>
        <translation>抖音罗盘（演示）</translation>
    </message>
    <message>
        <source>Qianchuan</source>
        <translation>千川</translation>
    </message>
    <message>
        <source>Stream stuttered for about 20 s; upload dropped on the main line.</source>
        <translation>直播卡顿约 20 秒；主线路上行带宽下降。</translation>
    </message>
    <message>
        <source>Switched the encoder to the backup line.</source>
        <translation>已将编码器切换到备用线路。</translation>
    </message>
</context>
<context>
    <name>DataImport</name>
    <message>
        <source>The file is neither UTF-8 nor GBK text. Save it again as CSV (UTF-8) or as an Excel .xlsx file.</source>
        <translation>该文件既不是 UTF-8 也不是 GBK 编码的文本。请重新另存为 CSV（UTF-8）或 Excel .xlsx 文件。</translation>
    </message>
    <message>
        <source>Line {line}: the CSV is malformed ({detail}).</source>
        <translation>第 {line} 行：CSV 格式错误（{detail}）。</translation>
    </message>
    <message>
        <source>The file is not a readable Excel .xlsx workbook.</source>
        <translation>该文件不是可读取的 Excel .xlsx 工作簿。</translation>
    </message>
    <message>
        <source>Cannot read {name}: {reason}</source>
        <translation>无法读取 {name}：{reason}</translation>
    </message>
    <message>
        <source>Old Excel .xls files are not supported; save the file as .xlsx or .csv.</source>
        <translation>不支持旧版 Excel .xls 文件，请另存为 .xlsx 或 .csv。</translation>
    </message>
    <message>
        <source>No header row found in {name}. Expected columns such as 时间, 在线人数, 成交金额 (or time, online_viewers, pay_gmv).</source>
        <translation>在 {name} 中找不到表头行。应包含“时间”“在线人数”“成交金额”等列（或 time、online_viewers、pay_gmv）。</translation>
    </message>
    <message>
        <source>not a time: {value}</source>
        <translation>不是时间：{value}</translation>
    </message>
    <message>
        <source>not a number: {value}</source>
        <translation>不是数字：{value}</translation>
    </message>
    <message>
        <source>not a whole number: {value}</source>
        <translation>不是整数：{value}</translation>
    </message>
    <message>
        <source>not a duration: {value}</source>
        <translation>不是时长：{value}</translation>
    </message>
    <message>
        <source>Choose the column that holds the time (时间) of each row.</source>
        <translation>请选择包含每行时间（时间）的列。</translation>
    </message>
    <message>
        <source>Choose at least one column to import.</source>
        <translation>请至少选择一列导入。</translation>
    </message>
    <message>
        <source>the row has {n} cells but the header has {m}</source>
        <translation>该行有 {n} 个单元格，但表头有 {m} 个</translation>
    </message>
    <message>
        <source>Line {line}: summary row skipped.</source>
        <translation>第 {line} 行：已跳过合计行。</translation>
    </message>
    <message>
        <source>The file gives times without a date (line {line}); choose the show&apos;s date.</source>
        <translation>文件中的时间不含日期（第 {line} 行），请选择直播日期。</translation>
    </message>
    <message>
        <source>negative value: {value}</source>
        <translation>负数：{value}</translation>
    </message>
    <message>
        <source>the same time as line {other}</source>
        <translation>与第 {other} 行时间重复</translation>
    </message>
    <message>
        <source>Line {line}: {where}{problem}. Nothing was imported.</source>
        <translation>第 {line} 行：{where}{problem}。未导入任何数据。</translation>
    </message>
    <message>
        <source>({n} lines have problems in all.)</source>
        <translation>（共有 {n} 行存在问题。）</translation>
    </message>
    <message>
        <source>The file has a header but no data rows.</source>
        <translation>文件只有表头，没有数据行。</translation>
    </message>
    <message>
        <source>Choose the column that names each row&apos;s item.</source>
        <translation>请选择标明每行对象的列。</translation>
    </message>
    <message>
        <source>the same item as line {other}</source>
        <translation>与第 {other} 行是同一项</translation>
    </message>
    <message>
        <source>not a product id: {value}</source>
        <translation>不是商品ID：{value}</translation>
    </message>
    <message>
        <source>the product id {value} was turned into a number and lost digits; export the table again, or format the 商品ID column as text</source>
        <translation>商品ID {value} 被转成了数字，已丢失位数；请重新导出表格，或把“商品ID”列设为文本格式</translation>
    </message>
    <message>
        <source>Choose the column that holds the product id (商品ID) or name (商品名称).</source>
        <translation>请选择商品ID或商品名称所在的列。</translation>
    </message>
    <message>
        <source>a channel name longer than {n} characters</source>
        <translation>渠道名称超过 {n} 个字符</translation>
    </message>
    <message>
        <source>Choose the column that names the channel (渠道).</source>
        <translation>请选择渠道所在的列。</translation>
    </message>
</context>
<context>
    <name>DataPanel</name>
    <message>
        <source>Import export file…</source>
        <translation>导入平台数据文件…</translation>
    </message>
    <message>
        <source>Export review</source>
        <translation>导出复盘</translation>
    </message>
    <message>
        <source>CSV…</source>
        <translation>CSV…</translation>
    </message>
    <message>
        <source>HTML report…</source>
        <translation>HTML 报告…</translation>
    </message>
    <message>
        <source>PDF report…</source>
        <translation>PDF 报告…</translation>
    </message>
    <message>
        <source>Show</source>
        <translation>场次</translation>
    </message>
    <message>
        <source>Online viewers</source>
        <translation>在线人数</translation>
    </message>
    <message>
        <source>GMV (running total, ¥)</source>
        <translation>成交金额（累计，¥）</translation>
    </message>
    <message>
        <source>Live</source>
        <translation>直播中</translation>
    </message>
    <message>
        <source>Review</source>
        <translation>复盘</translation>
    </message>
    <message>
        <source>Device history</source>
        <translation>设备检测历史</translation>
    </message>
    <message>
        <source>No shows yet. Plan a show in the script runner first.</source>
        <translation>还没有场次。请先在脚本中创建一场直播。</translation>
    </message>
    <message>
        <source>platform export</source>
        <translation>平台导出数据</translation>
    </message>
    <message>
        <source>live feed</source>
        <translation>实时数据推送</translation>
    </message>
    <message>
        <source>manual entries</source>
        <translation>手动录入</translation>
    </message>
    <message>
        <source>No numbers for this show yet: import an export, enter numbers or start the feed.</source>
        <translation>本场暂无数据：请导入平台数据、手动录入或开启实时推送。</translation>
    </message>
    <message>
        <source>Numbers from: {source} ({n} samples)</source>
        <translation>数据来源：{source}（{n} 条）</translation>
    </message>
    <message>
        <source>Could not load the data; see the log.</source>
        <translation>无法加载数据，请查看日志。</translation>
    </message>
    <message>
        <source>Saved at {time}.</source>
        <translation>已于 {time} 保存。</translation>
    </message>
    <message>
        <source>Could not open port {port}: {reason}</source>
        <translation>无法打开端口 {port}：{reason}</translation>
    </message>
    <message>
        <source>Listening on {url}/v1/samples · drop folder {folder}</source>
        <translation>正在监听 {url}/v1/samples · 投放文件夹 {folder}</translation>
    </message>
    <message>
        <source>Off.</source>
        <translation>已关闭。</translation>
    </message>
    <message>
        <source>Import</source>
        <translation>导入</translation>
    </message>
    <message>
        <source>Choose or create a show first.</source>
        <translation>请先选择或创建一个场次。</translation>
    </message>
    <message>
        <source>CSV (*.csv)</source>
        <translation>CSV（*.csv）</translation>
    </message>
    <message>
        <source>HTML (*.html)</source>
        <translation>HTML（*.html）</translation>
    </message>
    <message>
        <source>PDF (*.pdf)</source>
        <translation>PDF（*.pdf）</translation>
    </message>
    <message>
        <source>Nothing to export yet.</source>
        <translation>暂无可导出的内容。</translation>
    </message>
    <message>
        <source>Could not write {path}: {reason}</source>
        <translation>无法写入 {path}：{reason}</translation>
    </message>
    <message>
        <source>Review saved to {path}</source>
        <translation>复盘已保存到 {path}</translation>
    </message>
</context>
<context>
    <name>DataTimeline</name>
    <message>
        <source>Promo {slot}</source>
        <translation>福利 {slot}</translation>
    </message>
</context>
<context>
    <name>Export</name>
    <message>
        <source>Show</source>
        <translation>场次</translation>
    </message>
    <message>
        <source>Data source</source>
        <translation>数据来源</translation>
    </message>
    <message>
        <source>Metric</source>
        <translation>指标</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>数值</translation>
    </message>
    <message>
        <source>Formula</source>
        <translation>公式</translation>
    </message>
    <message>
        <source>Worked</source>
        <translation>计算过程</translation>
    </message>
    <message>
        <source>Segment</source>
        <translation>环节</translation>
    </message>
    <message>
        <source>Start</source>
        <translation>开始</translation>
    </message>
    <message>
        <source>End</source>
        <translation>结束</translation>
    </message>
    <message>
        <source>GMV</source>
        <translation>成交金额</translation>
    </message>
    <message>
        <source>Orders</source>
        <translation>订单数</translation>
    </message>
    <message>
        <source>Viewers</source>
        <translation>进入人数</translation>
    </message>
    <message>
        <source>Peak online</source>
        <translation>最高在线</translation>
    </message>
    <message>
        <source>UV value</source>
        <translation>UV 价值</translation>
    </message>
    <message>
        <source>Promo</source>
        <translation>福利</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>时间</translation>
    </message>
    <message>
        <source>Online before</source>
        <translation>之前在线</translation>
    </message>
    <message>
        <source>Online after</source>
        <translation>之后在线</translation>
    </message>
    <message>
        <source>Orders before</source>
        <translation>之前订单</translation>
    </message>
    <message>
        <source>Orders after</source>
        <translation>之后订单</translation>
    </message>
    <message>
        <source>Longest stretch with no order</source>
        <translation>最长无成交时段</translation>
    </message>
    <message>
        <source>No data</source>
        <translation>无数据</translation>
    </message>
    <message>
        <source>From previous step</source>
        <translation>上一步转化率</translation>
    </message>
    <message>
        <source>Funnel</source>
        <translation>转化漏斗</translation>
    </message>
    <message>
        <source>Incidents</source>
        <translation>事故记录</translation>
    </message>
    <message>
        <source>Metrics</source>
        <translation>指标</translation>
    </message>
    <message>
        <source>People</source>
        <translation>人数</translation>
    </message>
    <message>
        <source>Promos: 3 minutes before → after</source>
        <translation>福利：前 3 分钟 → 后 3 分钟</translation>
    </message>
    <message>
        <source>Segments</source>
        <translation>环节</translation>
    </message>
    <message>
        <source>Step</source>
        <translation>步骤</translation>
    </message>
    <message>
        <source>Online viewers</source>
        <translation>在线人数</translation>
    </message>
    <message>
        <source>GMV (running total, ¥)</source>
        <translation>成交金额（累计，¥）</translation>
    </message>
    <message>
        <source>Longest stretch with no order: {start}–{end} ({duration})</source>
        <translation>最长无成交时段：{start}–{end}（{duration}）</translation>
    </message>
    <message>
        <source>Online</source>
        <translation>在线</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>What happened</source>
        <translation>情况</translation>
    </message>
</context>
<context>
    <name>Fields</name>
    <message>
        <source>Online viewers (在线人数)</source>
        <translation>在线人数</translation>
    </message>
    <message>
        <source>Room exposure, people (直播间曝光人数)</source>
        <translation>直播间曝光人数</translation>
    </message>
    <message>
        <source>Entered, people (进入人数)</source>
        <translation>进入人数</translation>
    </message>
    <message>
        <source>Entered, times (进入次数)</source>
        <translation>进入次数</translation>
    </message>
    <message>
        <source>Left, people (离开人数)</source>
        <translation>离开人数</translation>
    </message>
    <message>
        <source>Left, times (离开次数)</source>
        <translation>离开次数</translation>
    </message>
    <message>
        <source>Average dwell, s (平均停留时长)</source>
        <translation>平均停留时长（秒）</translation>
    </message>
    <message>
        <source>Comments, times (评论次数)</source>
        <translation>评论次数</translation>
    </message>
    <message>
        <source>Comments, people (评论人数)</source>
        <translation>评论人数</translation>
    </message>
    <message>
        <source>Likes (点赞次数)</source>
        <translation>点赞次数</translation>
    </message>
    <message>
        <source>Shares (分享次数)</source>
        <translation>分享次数</translation>
    </message>
    <message>
        <source>New fan-club members (新加粉丝团)</source>
        <translation>新加粉丝团</translation>
    </message>
    <message>
        <source>Product exposure, people (商品曝光人数)</source>
        <translation>商品曝光人数</translation>
    </message>
    <message>
        <source>Product exposure, times (商品曝光次数)</source>
        <translation>商品曝光次数</translation>
    </message>
    <message>
        <source>Product clicks, people (商品点击人数)</source>
        <translation>商品点击人数</translation>
    </message>
    <message>
        <source>Product clicks, times (商品点击次数)</source>
        <translation>商品点击次数</translation>
    </message>
    <message>
        <source>Buyers (成交人数)</source>
        <translation>成交人数</translation>
    </message>
    <message>
        <source>Orders (成交订单数)</source>
        <translation>成交订单数</translation>
    </message>
    <message>
        <source>Product id (商品ID)</source>
        <translation>商品ID</translation>
    </message>
    <message>
        <source>Product name (商品名称)</source>
        <translation>商品名称</translation>
    </message>
    <message>
        <source>Times explained (讲解次数)</source>
        <translation>讲解次数</translation>
    </message>
    <message>
        <source>Items sold (成交件数)</source>
        <translation>成交件数</translation>
    </message>
    <message>
        <source>GMV, yuan (成交金额)</source>
        <translation>成交金额（元）</translation>
    </message>
    <message>
        <source>Refunds, yuan (退款金额)</source>
        <translation>退款金额（元）</translation>
    </message>
    <message>
        <source>Channel (渠道)</source>
        <translation>渠道</translation>
    </message>
    <message>
        <source>Viewers (观看人数)</source>
        <translation>观看人数</translation>
    </message>
    <message>
        <source>Views (观看次数)</source>
        <translation>观看次数</translation>
    </message>
    <message>
        <source>Ad spend, yuan (消耗)</source>
        <translation>消耗（元）</translation>
    </message>
    <message>
        <source>New followers (新增粉丝)</source>
        <translation>新增粉丝</translation>
    </message>
</context>
<context>
    <name>HistoryView</name>
    <message>
        <source>Microphone noise floor (dBFS)</source>
        <translation>麦克风底噪（dBFS）</translation>
    </message>
    <message>
        <source>Upload bandwidth (Mbps)</source>
        <translation>上行带宽（Mbps）</translation>
    </message>
    <message>
        <source>No device checks in the last 30 days.</source>
        <translation>最近 30 天没有设备检测记录。</translation>
    </message>
</context>
<context>
    <name>ImportDialog</name>
    <message>
        <source>Import platform data</source>
        <translation>导入平台数据</translation>
    </message>
    <message>
        <source>A CSV or XLSX export from 抖音罗盘 / 巨量百应</source>
        <translation>从抖音罗盘 / 巨量百应导出的 CSV 或 XLSX 文件</translation>
    </message>
    <message>
        <source>Choose file…</source>
        <translation>选择文件…</translation>
    </message>
    <message>
        <source>抖音罗盘</source>
        <translation>抖音罗盘</translation>
    </message>
    <message>
        <source>Used when the file gives only times of day (20:01)</source>
        <translation>当文件只有时刻（如 20:01）时使用此日期</translation>
    </message>
    <message>
        <source>Minute trend (分钟趋势)</source>
        <translation>分钟趋势</translation>
    </message>
    <message>
        <source>Products (商品明细)</source>
        <translation>商品明细</translation>
    </message>
    <message>
        <source>Traffic sources (流量来源)</source>
        <translation>流量来源</translation>
    </message>
    <message>
        <source>File</source>
        <translation>文件</translation>
    </message>
    <message>
        <source>Table</source>
        <translation>表格类型</translation>
    </message>
    <message>
        <source>Source (the mapping is remembered per source)</source>
        <translation>来源（按来源记住列对应关系）</translation>
    </message>
    <message>
        <source>Show date</source>
        <translation>直播日期</translation>
    </message>
    <message>
        <source>Column in the file</source>
        <translation>文件中的列</translation>
    </message>
    <message>
        <source>Read as</source>
        <translation>读取为</translation>
    </message>
    <message>
        <source>First values</source>
        <translation>前几行数值</translation>
    </message>
    <message>
        <source>Choose a file to see its columns.</source>
        <translation>选择文件后可查看其中的列。</translation>
    </message>
    <message>
        <source>Import</source>
        <translation>导入</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>Exports (*.csv *.xlsx);;All files (*)</source>
        <translation>导出文件（*.csv *.xlsx）;;所有文件（*）</translation>
    </message>
    <message>
        <source>Reading {name}…</source>
        <translation>正在读取 {name}…</translation>
    </message>
    <message>
        <source>— ignore —</source>
        <translation>— 忽略 —</translation>
    </message>
    <message>
        <source>Time (时间)</source>
        <translation>时间</translation>
    </message>
    <message>
        <source>{name}: {rows} rows, encoding {encoding}. Check the columns, then import.</source>
        <translation>{name}：{rows} 行，编码 {encoding}。请核对各列后导入。</translation>
    </message>
    <message>
        <source>Unnamed source</source>
        <translation>未命名来源</translation>
    </message>
    <message>
        <source>Importing…</source>
        <translation>正在导入…</translation>
    </message>
    <message>
        <source>Imported {n} rows.</source>
        <translation>已导入 {n} 行。</translation>
    </message>
    <message>
        <source>Line {line}: {column} {problem}</source>
        <translation>第 {line} 行：{column} {problem}</translation>
    </message>
    <message>
        <source>Cannot read the file: {reason}</source>
        <translation>无法读取文件：{reason}</translation>
    </message>
    <message>
        <source>The import failed; nothing was stored. Details are in the log.</source>
        <translation>导入失败，未保存任何数据。详情见日志。</translation>
    </message>
</context>
<context>
    <name>LiveView</name>
    <message>
        <source>Online now</source>
        <translation>当前在线</translation>
    </message>
    <message>
        <source>GMV so far</source>
        <translation>累计成交金额</translation>
    </message>
    <message>
        <source>Orders</source>
        <translation>订单数</translation>
    </message>
    <message>
        <source>Last update</source>
        <translation>最后更新</translation>
    </message>
    <message>
        <source>not entered</source>
        <translation>未录入</translation>
    </message>
    <message>
        <source>Note (optional)</source>
        <translation>备注（可选）</translation>
    </message>
    <message>
        <source>Add numbers</source>
        <translation>录入数据</translation>
    </message>
    <message>
        <source>Manual entry (every few minutes)</source>
        <translation>手动录入（每隔几分钟）</translation>
    </message>
    <message>
        <source>Online viewers</source>
        <translation>在线人数</translation>
    </message>
    <message>
        <source>Orders so far</source>
        <translation>累计订单数</translation>
    </message>
    <message>
        <source>Start live feed</source>
        <translation>开启实时推送</translation>
    </message>
    <message>
        <source>Off. Other tools can push numbers once it runs (docs/metrics_feed.md).</source>
        <translation>已关闭。开启后其他工具可推送数据（见 docs/metrics_feed.md）。</translation>
    </message>
    <message>
        <source>Live feed</source>
        <translation>实时数据推送</translation>
    </message>
    <message>
        <source>Stutter</source>
        <translation>卡顿</translation>
    </message>
    <message>
        <source>Audio/video out of sync</source>
        <translation>音画不同步</translation>
    </message>
    <message>
        <source>Audio problem</source>
        <translation>声音问题</translation>
    </message>
    <message>
        <source>Network drop</source>
        <translation>网络中断</translation>
    </message>
    <message>
        <source>Stock or price error</source>
        <translation>库存或价格错误</translation>
    </message>
    <message>
        <source>Hostile comment</source>
        <translation>恶意评论</translation>
    </message>
    <message>
        <source>Other</source>
        <translation>其他</translation>
    </message>
    <message>
        <source>What happened</source>
        <translation>发生了什么</translation>
    </message>
    <message>
        <source>Log incident</source>
        <translation>记录事故</translation>
    </message>
    <message>
        <source>Channel, e.g. 千川</source>
        <translation>渠道，如千川</translation>
    </message>
    <message>
        <source>Add ad spend</source>
        <translation>添加投放花费</translation>
    </message>
    <message>
        <source>Incidents and ad spend</source>
        <translation>事故与投放花费</translation>
    </message>
    <message>
        <source>Ads</source>
        <translation>投放</translation>
    </message>
    <message>
        <source>Stop live feed</source>
        <translation>停止实时推送</translation>
    </message>
</context>
<context>
    <name>MetricsFeed</name>
    <message>
        <source>{key}: expected a number, got {value!r}</source>
        <translation>{key}：应为数字，收到 {value!r}</translation>
    </message>
    <message>
        <source>{key}: must not be negative</source>
        <translation>{key}：不能为负数</translation>
    </message>
    <message>
        <source>at: not an ISO 8601 time: {value}</source>
        <translation>at：不是 ISO 8601 时间：{value}</translation>
    </message>
    <message>
        <source>at: give the time zone, e.g. 2026-11-25T20:01:00+08:00</source>
        <translation>at：请带上时区，例如 2026-11-25T20:01:00+08:00</translation>
    </message>
    <message>
        <source>at: not a time: {value!r}</source>
        <translation>at：不是时间：{value!r}</translation>
    </message>
    <message>
        <source>each sample must be a JSON object</source>
        <translation>每条数据必须是 JSON 对象</translation>
    </message>
    <message>
        <source>{key}: expected a whole number</source>
        <translation>{key}：应为整数</translation>
    </message>
    <message>
        <source>unknown field(s): {names}</source>
        <translation>未知字段：{names}</translation>
    </message>
    <message>
        <source>the sample has no numbers</source>
        <translation>该条数据没有任何数值</translation>
    </message>
    <message>
        <source>the body must be a JSON object</source>
        <translation>请求体必须是 JSON 对象</translation>
    </message>
    <message>
        <source>show_id must be a string</source>
        <translation>show_id 必须是字符串</translation>
    </message>
    <message>
        <source>samples must be a list</source>
        <translation>samples 必须是列表</translation>
    </message>
    <message>
        <source>at most {n} samples per request</source>
        <translation>每次请求最多 {n} 条数据</translation>
    </message>
    <message>
        <source>sample {index}: {problem}</source>
        <translation>第 {index} 条数据：{problem}</translation>
    </message>
    <message>
        <source>There is no show with id {id}; it may have been deleted.</source>
        <translation>没有 ID 为 {id} 的场次，可能已被删除。</translation>
    </message>
    <message>
        <source>No show is selected in the data panel.</source>
        <translation>数据面板中没有选中的场次。</translation>
    </message>
</context>
<context>
    <name>ProductReviewView</name>
    <message>
        <source>Product</source>
        <translation>商品</translation>
    </message>
    <message>
        <source>Script card</source>
        <translation>脚本商品卡</translation>
    </message>
    <message>
        <source>Exposed</source>
        <translation>曝光人数</translation>
    </message>
    <message>
        <source>Clicked</source>
        <translation>点击人数</translation>
    </message>
    <message>
        <source>Click rate</source>
        <translation>点击率</translation>
    </message>
    <message>
        <source>Buyers</source>
        <translation>成交人数</translation>
    </message>
    <message>
        <source>Click-to-pay</source>
        <translation>点击成交转化率</translation>
    </message>
    <message>
        <source>Orders</source>
        <translation>订单数</translation>
    </message>
    <message>
        <source>GMV</source>
        <translation>成交金额</translation>
    </message>
    <message>
        <source>Share</source>
        <translation>占比</translation>
    </message>
    <message>
        <source>Refund rate</source>
        <translation>退款率</translation>
    </message>
    <message>
        <source>On air</source>
        <translation>讲解时长</translation>
    </message>
    <message>
        <source>GMV / min on air</source>
        <translation>每分钟讲解成交</translation>
    </message>
    <message>
        <source>Weak products: sold, {n}+ clicks, lowest click-to-pay first</source>
        <translation>弱势商品：有成交且点击 ≥{n}，按点击成交转化率从低到高</translation>
    </message>
    <message>
        <source>Never sold: clicked, no buyer</source>
        <translation>零成交：有点击无成交</translation>
    </message>
    <message>
        <source>No product table for this show yet. Import the platform&apos;s product export (商品明细: 商品ID, 商品名称, 商品点击人数, 成交金额 …) with Import export file.</source>
        <translation>本场还没有商品数据。请用“导入导出文件”导入平台的商品明细（商品ID、商品名称、商品点击人数、成交金额……）。</translation>
    </message>
    <message>
        <source>{n} products · GMV {gmv} · {weak} weak · {never} never sold</source>
        <translation>{n} 个商品 · 成交金额 {gmv} · 弱势 {weak} 个 · 零成交 {never} 个</translation>
    </message>
</context>
<context>
    <name>Review</name>
    <message>
        <source>views (进入次数)</source>
        <translation>进入次数</translation>
    </message>
    <message>
        <source>viewers (进入人数), as the file has no views</source>
        <translation>进入人数（文件中没有进入次数）</translation>
    </message>
    <message>
        <source>summed over the minutes</source>
        <translation>按分钟累加</translation>
    </message>
    <message>
        <source>online viewers × sample interval / viewers (estimated: the file has no dwell column)</source>
        <translation>在线人数 × 采样间隔 / 进入人数（估算：文件中没有停留时长列）</translation>
    </message>
    <message>
        <source>average of 平均停留时长, weighted by the viewers of each minute</source>
        <translation>平均停留时长按每分钟进入人数加权平均</translation>
    </message>
    <message>
        <source>GMV</source>
        <translation>成交金额（GMV）</translation>
    </message>
    <message>
        <source>sum of 成交金额</source>
        <translation>成交金额之和</translation>
    </message>
    <message>
        <source>Refunds</source>
        <translation>退款金额</translation>
    </message>
    <message>
        <source>sum of 退款金额</source>
        <translation>退款金额之和</translation>
    </message>
    <message>
        <source>Net GMV</source>
        <translation>净成交金额</translation>
    </message>
    <message>
        <source>GMV − refunds</source>
        <translation>成交金额 − 退款金额</translation>
    </message>
    <message>
        <source>Buyers</source>
        <translation>成交人数</translation>
    </message>
    <message>
        <source>sum of 成交人数</source>
        <translation>成交人数之和</translation>
    </message>
    <message>
        <source>Orders</source>
        <translation>成交订单数</translation>
    </message>
    <message>
        <source>sum of 成交订单数</source>
        <translation>成交订单数之和</translation>
    </message>
    <message>
        <source>Average order value</source>
        <translation>客单价</translation>
    </message>
    <message>
        <source>GMV / buyers</source>
        <translation>成交金额 / 成交人数</translation>
    </message>
    <message>
        <source>Viewers</source>
        <translation>进入人数</translation>
    </message>
    <message>
        <source>sum of 进入人数</source>
        <translation>进入人数之和</translation>
    </message>
    <message>
        <source>Views</source>
        <translation>进入次数</translation>
    </message>
    <message>
        <source>sum of 进入次数</source>
        <translation>进入次数之和</translation>
    </message>
    <message>
        <source>GPM</source>
        <translation>千次观看成交额（GPM）</translation>
    </message>
    <message>
        <source>GMV × 1000 / {base}</source>
        <translation>成交金额 × 1000 / {base}</translation>
    </message>
    <message>
        <source>UV value</source>
        <translation>UV 价值</translation>
    </message>
    <message>
        <source>GMV / viewers (进入人数)</source>
        <translation>成交金额 / 进入人数</translation>
    </message>
    <message>
        <source>Click rate</source>
        <translation>商品点击率</translation>
    </message>
    <message>
        <source>product clicks (商品点击人数) / product exposures (商品曝光人数)</source>
        <translation>商品点击人数 / 商品曝光人数</translation>
    </message>
    <message>
        <source>Click-to-pay conversion</source>
        <translation>点击成交转化率</translation>
    </message>
    <message>
        <source>buyers / product clicks</source>
        <translation>成交人数 / 商品点击人数</translation>
    </message>
    <message>
        <source>View-to-pay conversion</source>
        <translation>观看成交转化率</translation>
    </message>
    <message>
        <source>buyers / viewers</source>
        <translation>成交人数 / 进入人数</translation>
    </message>
    <message>
        <source>Average dwell</source>
        <translation>平均停留时长</translation>
    </message>
    <message>
        <source>Peak online</source>
        <translation>最高在线</translation>
    </message>
    <message>
        <source>maximum of 在线人数</source>
        <translation>在线人数的最大值</translation>
    </message>
    <message>
        <source>Average online</source>
        <translation>平均在线</translation>
    </message>
    <message>
        <source>mean of 在线人数 over the samples</source>
        <translation>各采样点在线人数的平均值</translation>
    </message>
    <message>
        <source>New followers</source>
        <translation>新增粉丝</translation>
    </message>
    <message>
        <source>sum of 新增粉丝</source>
        <translation>新增粉丝之和</translation>
    </message>
    <message>
        <source>New-follower rate</source>
        <translation>转粉率</translation>
    </message>
    <message>
        <source>new followers / viewers</source>
        <translation>新增粉丝 / 进入人数</translation>
    </message>
    <message>
        <source>Refund rate</source>
        <translation>退款率</translation>
    </message>
    <message>
        <source>refunds / GMV</source>
        <translation>退款金额 / 成交金额</translation>
    </message>
    <message>
        <source>Ad spend</source>
        <translation>投放花费</translation>
    </message>
    <message>
        <source>sum of the spend entered for the show</source>
        <translation>本场录入的投放花费之和</translation>
    </message>
    <message>
        <source>Ad ROI</source>
        <translation>投放 ROI</translation>
    </message>
    <message>
        <source>GMV / ad spend</source>
        <translation>成交金额 / 投放花费</translation>
    </message>
    <message>
        <source>no ad spend entered</source>
        <translation>未录入投放花费</translation>
    </message>
    <message>
        <source>{h} h {m} min</source>
        <translation>{h} 小时 {m} 分</translation>
    </message>
    <message>
        <source>{m} min {s} s</source>
        <translation>{m} 分 {s} 秒</translation>
    </message>
    <message>
        <source>{s} s</source>
        <translation>{s} 秒</translation>
    </message>
    <message>
        <source>Room exposure</source>
        <translation>直播间曝光</translation>
    </message>
    <message>
        <source>Entered</source>
        <translation>进入直播间</translation>
    </message>
    <message>
        <source>Product exposure</source>
        <translation>商品曝光</translation>
    </message>
    <message>
        <source>Product click</source>
        <translation>商品点击</translation>
    </message>
    <message>
        <source>Paid</source>
        <translation>成交</translation>
    </message>
</context>
<context>
    <name>ReviewView</name>
    <message>
        <source>Metric</source>
        <translation>指标</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>数值</translation>
    </message>
    <message>
        <source>Formula</source>
        <translation>公式</translation>
    </message>
    <message>
        <source>Worked</source>
        <translation>计算过程</translation>
    </message>
    <message>
        <source>Segment</source>
        <translation>环节</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>时间</translation>
    </message>
    <message>
        <source>GMV</source>
        <translation>成交金额</translation>
    </message>
    <message>
        <source>Orders</source>
        <translation>订单数</translation>
    </message>
    <message>
        <source>Viewers</source>
        <translation>进入人数</translation>
    </message>
    <message>
        <source>Peak online</source>
        <translation>最高在线</translation>
    </message>
    <message>
        <source>UV value</source>
        <translation>UV 价值</translation>
    </message>
    <message>
        <source>Promo</source>
        <translation>福利</translation>
    </message>
    <message>
        <source>Online before → after</source>
        <translation>在线：前 → 后</translation>
    </message>
    <message>
        <source>Entered before → after</source>
        <translation>进入：前 → 后</translation>
    </message>
    <message>
        <source>Orders before → after</source>
        <translation>订单：前 → 后</translation>
    </message>
    <message>
        <source>This week</source>
        <translation>本周</translation>
    </message>
    <message>
        <source>Last week</source>
        <translation>上周</translation>
    </message>
    <message>
        <source>Change</source>
        <translation>变化</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>What happened</source>
        <translation>情况</translation>
    </message>
    <message>
        <source>Fix</source>
        <translation>处理</translation>
    </message>
    <message>
        <source>Segments</source>
        <translation>环节</translation>
    </message>
    <message>
        <source>Promos (3 min before / after)</source>
        <translation>福利（前后 3 分钟）</translation>
    </message>
    <message>
        <source>This week vs last</source>
        <translation>本周对比上周</translation>
    </message>
    <message>
        <source>Incidents</source>
        <translation>事故记录</translation>
    </message>
    <message>
        <source>Funnel: exposure → entry → click → pay (bar widths on a log scale)</source>
        <translation>转化漏斗：曝光 → 进入 → 点击 → 成交（条宽为对数刻度）</translation>
    </message>
    <message>
        <source>Longest stretch with no order: {start}–{end} ({duration})</source>
        <translation>最长无成交时段：{start}–{end}（{duration}）</translation>
    </message>
    <message>
        <source>Longest stretch with no order: — (no order data)</source>
        <translation>最长无成交时段：—（无订单数据）</translation>
    </message>
</context>
<context>
    <name>RoomReview</name>
    <message>
        <source>people who commented (评论人数) / viewers (进入人数)</source>
        <translation>评论人数 / 进入人数</translation>
    </message>
    <message>
        <source>comments (评论次数, the file has no 评论人数) / viewers (进入人数)</source>
        <translation>评论次数（文件没有评论人数）/ 进入人数</translation>
    </message>
</context>
<context>
    <name>RoomView</name>
    <message>
        <source>Comments per minute</source>
        <translation>每分钟评论数</translation>
    </message>
    <message>
        <source>Segment</source>
        <translation>环节</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>时间</translation>
    </message>
    <message>
        <source>Comments</source>
        <translation>评论</translation>
    </message>
    <message>
        <source>Comments / min</source>
        <translation>评论/分钟</translation>
    </message>
    <message>
        <source>Likes</source>
        <translation>点赞</translation>
    </message>
    <message>
        <source>Likes / min</source>
        <translation>点赞/分钟</translation>
    </message>
    <message>
        <source>Shares</source>
        <translation>分享</translation>
    </message>
    <message>
        <source>Interaction rate</source>
        <translation>互动率</translation>
    </message>
    <message>
        <source>Interaction (评论 · 点赞 · 分享)</source>
        <translation>互动（评论 · 点赞 · 分享）</translation>
    </message>
    <message>
        <source>Channel</source>
        <translation>渠道</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>Viewers</source>
        <translation>观看人数</translation>
    </message>
    <message>
        <source>Share</source>
        <translation>占比</translation>
    </message>
    <message>
        <source>Buyers</source>
        <translation>成交人数</translation>
    </message>
    <message>
        <source>GMV</source>
        <translation>成交金额</translation>
    </message>
    <message>
        <source>GMV share</source>
        <translation>成交占比</translation>
    </message>
    <message>
        <source>Spend</source>
        <translation>消耗</translation>
    </message>
    <message>
        <source>ROI</source>
        <translation>ROI</translation>
    </message>
    <message>
        <source>Channel, e.g. 千川</source>
        <translation>渠道，例如 千川</translation>
    </message>
    <message>
        <source>Add ad spend</source>
        <translation>添加投放花费</translation>
    </message>
    <message>
        <source>Ad spend for this show</source>
        <translation>本场投放花费</translation>
    </message>
    <message>
        <source>Traffic sources (natural / paid)</source>
        <translation>流量来源（自然 / 付费）</translation>
    </message>
    <message>
        <source>Enter the amount spent, in yuan.</source>
        <translation>请输入花费金额（元）。</translation>
    </message>
    <message>
        <source>Ads</source>
        <translation>广告</translation>
    </message>
    <message>
        <source>No interaction numbers: the minute table has no 评论次数 / 点赞次数 / 分享次数 columns.</source>
        <translation>没有互动数据：分钟表中没有评论次数 / 点赞次数 / 分享次数列。</translation>
    </message>
    <message>
        <source>Comments {comments} ({commenters} people) · likes {likes} · shares {shares} · new fan-club members {club} · interaction rate {rate}</source>
        <translation>评论 {comments}（{commenters} 人）· 点赞 {likes} · 分享 {shares} · 新加粉丝团 {club} · 互动率 {rate}</translation>
    </message>
    <message>
        <source>Interaction rate = {formula}</source>
        <translation>互动率 = {formula}</translation>
    </message>
    <message>
        <source>No traffic-source table for this show yet: import the 流量来源 export (渠道, 观看人数, 成交金额).</source>
        <translation>本场还没有流量来源数据：请导入流量来源表（渠道、观看人数、成交金额）。</translation>
    </message>
    <message>
        <source>Natural: {nv} viewers, {ng} · Paid: {pv} viewers ({pvs}), {pg} ({pgs} of GMV)</source>
        <translation>自然流量：{nv} 人观看，{ng} · 付费流量：{pv} 人观看（{pvs}），{pg}（占成交 {pgs}）</translation>
    </message>
    <message>
        <source>Ad ROI: — (no ad spend entered)</source>
        <translation>投放 ROI：—（未填写投放花费）</translation>
    </message>
    <message>
        <source>entered</source>
        <translation>手动填写</translation>
    </message>
    <message>
        <source>消耗 in the table</source>
        <translation>来自表格的消耗</translation>
    </message>
    <message>
        <source>Ad spend {spend} ({origin}) · ad ROI {roi} (paid GMV / spend)</source>
        <translation>投放花费 {spend}（{origin}）· 投放 ROI {roi}（付费成交 / 花费）</translation>
    </message>
    <message>
        <source>paid</source>
        <translation>付费</translation>
    </message>
    <message>
        <source>natural</source>
        <translation>自然</translation>
    </message>
</context>
<context>
    <name>Server</name>
    <message>
        <source>A studio named {name} already exists.</source>
        <translation>已有名为 {name} 的直播间。</translation>
    </message>
    <message>
        <source>Unknown table {table}.</source>
        <translation>未知的数据表 {table}。</translation>
    </message>
    <message>
        <source>The row data is not valid JSON.</source>
        <translation>这条记录的数据不是有效的 JSON。</translation>
    </message>
    <message>
        <source>The list of changed columns is not a list of this table&apos;s columns.</source>
        <translation>变更字段列表不是本数据表的字段列表。</translation>
    </message>
    <message>
        <source>{table}.{column}: {value!r} is not one of {allowed}.</source>
        <translation>{table}.{column}：{value!r} 不是允许的值（{allowed}）之一。</translation>
    </message>
    <message>
        <source>The change is stamped by computer {node}, which is not one of this studio&apos;s computers.</source>
        <translation>该修改的时钟戳来自电脑 {node}，它不是本工作室登记的电脑。</translation>
    </message>
    <message>
        <source>The row refers to {table} {row}, which belongs to another studio.</source>
        <translation>这条记录引用了 {table} {row}，该记录属于另一个工作室。</translation>
    </message>
    <message>
        <source>This record belongs to another studio.</source>
        <translation>这条记录属于另一个直播间。</translation>
    </message>
    <message>
        <source>Someone else changed this at the same time.</source>
        <translation>有人在同一时间修改了这条记录。</translation>
    </message>
    <message>
        <source>The studio token is missing or wrong. Enter the token from the head office.</source>
        <translation>直播间令牌缺失或错误。请填写总部提供的令牌。</translation>
    </message>
    <message>
        <source>Head office has withdrawn studio {name}&apos;s access to the server. Nothing more is sent or fetched; ask head office for a new token.</source>
        <translation>总部已收回工作室 {name} 的服务器访问权限。不会再发送或获取任何数据；请向总部索取新的令牌。</translation>
    </message>
    <message>
        <source>Studio {name} sent more than {limit} requests this minute; try again in {seconds} s.</source>
        <translation>工作室 {name} 本分钟的请求已超过 {limit} 次；请在 {seconds} 秒后重试。</translation>
    </message>
    <message>
        <source>This app&apos;s data format ({client}) differs from the server&apos;s ({server}). Update the app or the server so both are the same version; nothing was changed and no data was lost.</source>
        <translation>本应用的数据格式（{client}）与服务器的（{server}）不同。请更新应用或服务器，使两者版本一致；本次未做任何更改，数据没有丢失。</translation>
    </message>
    <message>
        <source>The request does not say which computer sent it.</source>
        <translation>请求中没有说明是哪台电脑发送的。</translation>
    </message>
    <message>
        <source>This computer ({node}) is registered to another studio. A workspace copied from another studio cannot sync as studio {name}; start a new workspace here.</source>
        <translation>这台电脑（{node}）已登记在另一个工作室名下。从其他工作室复制来的工作区不能以工作室 {name} 的身份同步；请在这里新建一个工作区。</translation>
    </message>
    <message>
        <source>The batch is not valid: {error}</source>
        <translation>这批数据无效：{error}</translation>
    </message>
    <message>
        <source>The batch has {n} changes; the server takes at most {limit} per request.</source>
        <translation>这批修改有 {n} 条；服务器每次请求最多接收 {limit} 条。</translation>
    </message>
    <message>
        <source>The connection closed before the batch arrived whole.</source>
        <translation>这批数据尚未完整送达，连接就已断开。</translation>
    </message>
    <message>
        <source>The batch is larger than the server accepts ({limit} bytes); send it in parts.</source>
        <translation>这批数据超出服务器可接收的大小（{limit} 字节）；请分批发送。</translation>
    </message>
    <message>
        <source>There is no studio named {name}.</source>
        <translation>没有名为 {name} 的工作室。</translation>
    </message>
</context>
<context>
    <name>Sync</name>
    <message>
        <source>A change is stamped {hours:.1f} hours in the future. Check the date and time of the computer that made it; the change was not applied.</source>
        <translation>有一条修改的时间戳比现在晚 {hours:.1f} 小时。请检查做出该修改的电脑的日期和时间；该修改未被应用。</translation>
    </message>
    <message>
        <source>This computer&apos;s clock is {minutes:.0f} minutes behind the server. Set the time correctly.</source>
        <translation>本机时钟比服务器慢 {minutes:.0f} 分钟。请校准时间。</translation>
    </message>
    <message>
        <source>This computer&apos;s clock is {minutes:.0f} minutes ahead of the server. Set the time correctly.</source>
        <translation>本机时钟比服务器快 {minutes:.0f} 分钟。请校准时间。</translation>
    </message>
    <message>
        <source>No server given: use --server URL.</source>
        <translation>未指定服务器：请使用 --server URL。</translation>
    </message>
    <message>
        <source>No studio token: set STUDIO_APP_TOKEN, or save it in the app&apos;s sync settings.</source>
        <translation>没有直播间令牌：请设置 STUDIO_APP_TOKEN，或在应用的同步设置中保存令牌。</translation>
    </message>
    <message>
        <source>Sent {pushed} changes, received {pulled}; {conflicts} conflicts, {pending} waiting.</source>
        <translation>已发送 {pushed} 条修改，已接收 {pulled} 条；{conflicts} 条冲突，{pending} 条待发送。</translation>
    </message>
    <message>
        <source>{new} incoming changes set aside this time, {total} in all: they are not valid records and were not applied (see the sync_quarantine table).</source>
        <translation>本次有 {new} 条收到的修改被搁置，累计 {total} 条：它们不是有效的记录，未被应用（见 sync_quarantine 表）。</translation>
    </message>
    <message>
        <source>These tables still differ from the server: {tables}</source>
        <translation>以下数据表仍与服务器不一致：{tables}</translation>
    </message>
    <message>
        <source>This workspace was restored from a backup (or an older copy): it now syncs as a new computer and fetched its later changes back from the server.</source>
        <translation>此工作区已从备份（或较旧的副本）恢复：现以新电脑身份同步，并已从服务器取回之后的修改。</translation>
    </message>
    <message>
        <source>The server {url} cannot be reached ({problem}). Changes wait here.</source>
        <translation>无法连接服务器 {url}（{problem}）。修改已保存在本机，等待发送。</translation>
    </message>
    <message>
        <source>The server is busy and asks to wait {seconds:.0f} s; changes wait here.</source>
        <translation>服务器繁忙，要求等待 {seconds:.0f} 秒；修改先保存在本机。</translation>
    </message>
    <message>
        <source>This app&apos;s data format ({client}) differs from the server&apos;s ({server}). Update the app or the server so both are the same version; nothing was changed and no data was lost.</source>
        <translation>本应用的数据格式（{client}）与服务器的（{server}）不同。请更新应用或服务器，使两者版本一致；本次未做任何更改，数据没有丢失。</translation>
    </message>
    <message>
        <source>Edited in two places at the same time.</source>
        <translation>两处同时做了修改。</translation>
    </message>
    <message>
        <source>Unknown table {table}.</source>
        <translation>未知的数据表 {table}。</translation>
    </message>
    <message>
        <source>The server refused the request (HTTP {status}).</source>
        <translation>服务器拒绝了请求（HTTP {status}）。</translation>
    </message>
    <message>
        <source>No server set (Settings → Sync).</source>
        <translation>未设置服务器（设置 → 同步）。</translation>
    </message>
    <message>
        <source>No studio token saved (Settings → Sync).</source>
        <translation>未保存直播间令牌（设置 → 同步）。</translation>
    </message>
    <message>
        <source>Some records differ from the server: {tables}</source>
        <translation>部分记录与服务器不一致：{tables}</translation>
    </message>
    <message>
        <source>The server address must start with http:// or https://, e.g. {example}.</source>
        <translation>服务器地址必须以 http:// 或 https:// 开头，例如 {example}。</translation>
    </message>
    <message>
        <source>This computer has no keyring to keep the token in. Set the STUDIO_APP_TOKEN environment variable instead.</source>
        <translation>本机没有可保存令牌的系统钥匙串。请改为设置环境变量 STUDIO_APP_TOKEN。</translation>
    </message>
    <message>
        <source>Saved.</source>
        <translation>已保存。</translation>
    </message>
    <message>
        <source>Enter the server address and the studio token.</source>
        <translation>请输入服务器地址和直播间令牌。</translation>
    </message>
    <message>
        <source>Connected as studio {name}.</source>
        <translation>已连接，直播间：{name}。</translation>
    </message>
    <message>
        <source>This conflict was already resolved.</source>
        <translation>这条冲突已经处理过了。</translation>
    </message>
    <message>
        <source>This version belongs to a table this app does not know ({table}).</source>
        <translation>这个版本属于本应用不认识的数据表（{table}）。</translation>
    </message>
    <message>
        <source>The server address must start with https:// (for example {example}).</source>
        <translation>服务器地址必须以 https:// 开头（例如 {example}）。</translation>
    </message>
    <message>
        <source>{url} is plain http://: the studio token and your data would cross the network unencrypted. Use the server&apos;s https:// address, or, on a network you trust, allow plain HTTP for this server (sync --allow-http, or Settings → Sync).</source>
        <translation>{url} 是未加密的 http:// 地址：工作室令牌和数据会以明文经过网络。请使用服务器的 https:// 地址；或者仅在可信的网络中，为这台服务器允许明文 HTTP（sync --allow-http，或 设置 → 同步）。</translation>
    </message>
    <message>
        <source>The CA file {path} cannot be read as PEM certificates ({error}).</source>
        <translation>无法将 CA 文件 {path} 读取为 PEM 证书（{error}）。</translation>
    </message>
    <message>
        <source>The certificate of {url} is not trusted by this computer, so nothing was sent. If head office uses its own certificate authority, set its CA file in Settings → Sync (or sync --ca FILE).</source>
        <translation>这台电脑不信任 {url} 的证书，因此没有发送任何数据。如果总部使用自己的证书颁发机构，请在 设置 → 同步 中设置其 CA 文件（或使用 sync --ca FILE）。</translation>
    </message>
    <message>
        <source>The change&apos;s clock stamp {stamp!r} is not in the app&apos;s format; the computer that made it runs a damaged or foreign program.</source>
        <translation>该修改的时钟戳 {stamp!r} 不是本应用的格式；产生它的电脑运行的程序已损坏或并非本应用。</translation>
    </message>
    <message>
        <source>The data for a {table} row is not a record.</source>
        <translation>{table} 的这条数据不是一条记录。</translation>
    </message>
    <message>
        <source>The {table} row {row} carries the id {other} in its data.</source>
        <translation>{table} 的记录 {row} 在其内容中写的编号却是 {other}。</translation>
    </message>
    <message>
        <source>Unknown columns for {table}: {columns}.</source>
        <translation>{table} 中有未知的字段：{columns}。</translation>
    </message>
    <message>
        <source>a value is required and none was sent.</source>
        <translation>必须有值，但没有发送。</translation>
    </message>
    <message>
        <source>a value is required, got null.</source>
        <translation>必须有值，收到的却是空值（null）。</translation>
    </message>
    <message>
        <source>expected {kind}, got {value}.</source>
        <translation>应为{kind}，收到的是 {value}。</translation>
    </message>
    <message>
        <source>{n} characters, at most {limit} fit.</source>
        <translation>共 {n} 个字符，最多只能 {limit} 个。</translation>
    </message>
    <message>
        <source>{table}.{column}: {problem}</source>
        <translation>{table}.{column}：{problem}</translation>
    </message>
    <message>
        <source>any value</source>
        <translation>任意值</translation>
    </message>
    <message>
        <source>true or false</source>
        <translation>真或假</translation>
    </message>
    <message>
        <source>a whole number</source>
        <translation>整数</translation>
    </message>
    <message>
        <source>a number</source>
        <translation>数字</translation>
    </message>
    <message>
        <source>text</source>
        <translation>文本</translation>
    </message>
    <message>
        <source>an ISO date and time with its time zone</source>
        <translation>带时区的 ISO 日期时间</translation>
    </message>
    <message>
        <source>an ISO date or time</source>
        <translation>ISO 日期或时间</translation>
    </message>
    <message>
        <source>a number of seconds</source>
        <translation>秒数</translation>
    </message>
    <message>
        <source>a decimal number as text</source>
        <translation>以文本表示的小数</translation>
    </message>
    <message>
        <source>base64 text</source>
        <translation>base64 文本</translation>
    </message>
</context>
<context>
    <name>SyncConflictsDialog</name>
    <message>
        <source>Sync conflicts</source>
        <translation>同步冲突</translation>
    </message>
    <message>
        <source>These versions lost to an edit made elsewhere at the same time, or were refused by the server. Keep the current version, or restore the one shown here.</source>
        <translation>以下版本因别处同时做了修改而被覆盖，或被服务器拒绝。请选择保留当前版本，或恢复这里显示的版本。</translation>
    </message>
    <message>
        <source>Record</source>
        <translation>记录</translation>
    </message>
    <message>
        <source>Table</source>
        <translation>数据表</translation>
    </message>
    <message>
        <source>Why</source>
        <translation>原因</translation>
    </message>
    <message>
        <source>When</source>
        <translation>时间</translation>
    </message>
    <message>
        <source>Keep current version</source>
        <translation>保留当前版本</translation>
    </message>
    <message>
        <source>Restore this version</source>
        <translation>恢复此版本</translation>
    </message>
    <message>
        <source>Edited elsewhere at the same time</source>
        <translation>别处同时做了修改</translation>
    </message>
    <message>
        <source>Refused</source>
        <translation>被拒绝</translation>
    </message>
    <message>
        <source>No conflicts.</source>
        <translation>没有冲突。</translation>
    </message>
    <message>
        <source>{field}: kept “{kept}”, now “{current}”</source>
        <translation>{field}：保留的是“{kept}”，当前是“{current}”</translation>
    </message>
    <message>
        <source>Same as the current version.</source>
        <translation>与当前版本相同。</translation>
    </message>
    <message>
        <source>Could not update the conflict list.</source>
        <translation>无法更新冲突列表。</translation>
    </message>
</context>
<context>
    <name>SyncLabels</name>
    <message>
        <source>(empty)</source>
        <translation>（空）</translation>
    </message>
    <message>
        <source>Show</source>
        <translation>场次</translation>
    </message>
    <message>
        <source>Script</source>
        <translation>脚本</translation>
    </message>
    <message>
        <source>Script segment</source>
        <translation>脚本段落</translation>
    </message>
    <message>
        <source>Script product</source>
        <translation>脚本商品</translation>
    </message>
    <message>
        <source>Emergency line</source>
        <translation>应急话术</translation>
    </message>
    <message>
        <source>Device check</source>
        <translation>设备检查</translation>
    </message>
    <message>
        <source>Device check result</source>
        <translation>设备检查结果</translation>
    </message>
    <message>
        <source>Check profile</source>
        <translation>检查方案</translation>
    </message>
    <message>
        <source>Script compliance check</source>
        <translation>脚本合规检查</translation>
    </message>
    <message>
        <source>Pre-show checklist item</source>
        <translation>开播清单项</translation>
    </message>
    <message>
        <source>Checklist template item</source>
        <translation>清单模板项</translation>
    </message>
    <message>
        <source>Go-live override</source>
        <translation>强制开播记录</translation>
    </message>
    <message>
        <source>Price confirmation</source>
        <translation>价格确认</translation>
    </message>
    <message>
        <source>Incident</source>
        <translation>故障记录</translation>
    </message>
    <message>
        <source>Viewer question</source>
        <translation>观众提问</translation>
    </message>
    <message>
        <source>Stock count</source>
        <translation>库存数</translation>
    </message>
    <message>
        <source>Live data point</source>
        <translation>直播数据点</translation>
    </message>
    <message>
        <source>Data import</source>
        <translation>数据导入</translation>
    </message>
    <message>
        <source>Product data</source>
        <translation>商品数据</translation>
    </message>
    <message>
        <source>Traffic source data</source>
        <translation>流量来源数据</translation>
    </message>
    <message>
        <source>Manual data entry</source>
        <translation>手工录入数据</translation>
    </message>
    <message>
        <source>Import column mapping</source>
        <translation>导入列映射</translation>
    </message>
    <message>
        <source>Ad spend</source>
        <translation>投放花费</translation>
    </message>
    <message>
        <source>On-air alert</source>
        <translation>直播中告警</translation>
    </message>
    <message>
        <source>On-air correction</source>
        <translation>口误更正</translation>
    </message>
    <message>
        <source>Promo clock</source>
        <translation>促销节奏</translation>
    </message>
    <message>
        <source>Run log entry</source>
        <translation>执行记录</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>标题</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>备注</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>备注</translation>
    </message>
    <message>
        <source>Text</source>
        <translation>文本</translation>
    </message>
    <message>
        <source>Host&apos;s lines</source>
        <translation>主播话术</translation>
    </message>
    <message>
        <source>Host</source>
        <translation>主播</translation>
    </message>
    <message>
        <source>Platform</source>
        <translation>平台</translation>
    </message>
    <message>
        <source>Planned start</source>
        <translation>计划开始</translation>
    </message>
    <message>
        <source>Planned minutes</source>
        <translation>计划时长（分钟）</translation>
    </message>
    <message>
        <source>Started</source>
        <translation>开始时间</translation>
    </message>
    <message>
        <source>Ended</source>
        <translation>结束时间</translation>
    </message>
    <message>
        <source>Deleted</source>
        <translation>删除时间</translation>
    </message>
    <message>
        <source>Order</source>
        <translation>顺序</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Cues</source>
        <translation>提示</translation>
    </message>
    <message>
        <source>Link no.</source>
        <translation>链接号</translation>
    </message>
    <message>
        <source>List price</source>
        <translation>原价</translation>
    </message>
    <message>
        <source>Live price</source>
        <translation>直播价</translation>
    </message>
    <message>
        <source>Price</source>
        <translation>价格</translation>
    </message>
    <message>
        <source>Coupon</source>
        <translation>优惠券</translation>
    </message>
    <message>
        <source>Stock</source>
        <translation>库存</translation>
    </message>
    <message>
        <source>Count</source>
        <translation>数量</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>详情</translation>
    </message>
    <message>
        <source>Message</source>
        <translation>消息</translation>
    </message>
    <message>
        <source>Description</source>
        <translation>描述</translation>
    </message>
    <message>
        <source>Fix</source>
        <translation>处理方法</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>原因</translation>
    </message>
    <message>
        <source>Amount (fen)</source>
        <translation>金额（分）</translation>
    </message>
    <message>
        <source>Online viewers</source>
        <translation>在线人数</translation>
    </message>
    <message>
        <source>GMV (fen)</source>
        <translation>成交额（分）</translation>
    </message>
    <message>
        <source>Paid GMV (fen)</source>
        <translation>支付成交额（分）</translation>
    </message>
    <message>
        <source>Orders</source>
        <translation>订单数</translation>
    </message>
</context>
<context>
    <name>SyncSettingsPage</name>
    <message>
        <source>Sync</source>
        <translation>同步</translation>
    </message>
    <message>
        <source>Paste the token from the head office (kept in the keyring)</source>
        <translation>粘贴总部提供的令牌（保存在系统钥匙串中）</translation>
    </message>
    <message>
        <source>Optional: the head office&apos;s CA certificate (PEM file)</source>
        <translation>可选：总部的 CA 证书（PEM 文件）</translation>
    </message>
    <message>
        <source>Allow plain http:// to this server (only on a network you trust)</source>
        <translation>允许以明文 http:// 连接这台服务器（仅限可信网络）</translation>
    </message>
    <message>
        <source>Test connection</source>
        <translation>测试连接</translation>
    </message>
    <message>
        <source>Records are kept on this computer and sent to the head office when the network allows. The token is stored in the system keyring, never in a file or the log.</source>
        <translation>记录保存在本机，网络可用时发送到总部。令牌保存在系统钥匙串中，不会写入文件或日志。</translation>
    </message>
    <message>
        <source>Server address</source>
        <translation>服务器地址</translation>
    </message>
    <message>
        <source>Studio token</source>
        <translation>直播间令牌</translation>
    </message>
    <message>
        <source>CA file</source>
        <translation>CA 文件</translation>
    </message>
    <message>
        <source>Connecting…</source>
        <translation>正在连接…</translation>
    </message>
    <message>
        <source>The test stopped because of an internal error; see the log.</source>
        <translation>测试因内部错误中止；请查看日志。</translation>
    </message>
</context>
<context>
    <name>SyncStatusWidget</name>
    <message>
        <source>Sync now</source>
        <translation>立即同步</translation>
    </message>
    <message>
        <source>Conflicts…</source>
        <translation>冲突…</translation>
    </message>
    <message>
        <source>Sync stopped because of an internal error; see the log.</source>
        <translation>同步因内部错误中止；请查看日志。</translation>
    </message>
    <message>
        <source>Sync off</source>
        <translation>同步未开启</translation>
    </message>
    <message>
        <source>Offline</source>
        <translation>离线</translation>
    </message>
    <message>
        <source>Syncing…</source>
        <translation>正在同步…</translation>
    </message>
    <message>
        <source>Up to date</source>
        <translation>已同步</translation>
    </message>
    <message>
        <source>Sync error</source>
        <translation>同步出错</translation>
    </message>
    <message>
        <source>Not synced yet</source>
        <translation>尚未同步</translation>
    </message>
    <message>
        <source>{n} waiting</source>
        <translation>{n} 条待发送</translation>
    </message>
    <message>
        <source>{n} conflicts</source>
        <translation>{n} 条冲突</translation>
    </message>
    <message>
        <source>{n} set aside</source>
        <translation>{n} 条已搁置</translation>
    </message>
    <message>
        <source>Server: {url}</source>
        <translation>服务器：{url}</translation>
    </message>
    <message>
        <source>Last synced: {when}</source>
        <translation>上次同步：{when}</translation>
    </message>
    <message>
        <source>{n} changes from the server were set aside: they are not valid records. Sync goes on without them; tell head office.</source>
        <translation>服务器发来的 {n} 条修改已被搁置：它们不是有效的记录。同步会跳过它们继续进行；请告知总部。</translation>
    </message>
    <message>
        <source>Click to sync now; right-click for the conflict list.</source>
        <translation>点击立即同步；右键查看冲突列表。</translation>
    </message>
</context>
</TS>
