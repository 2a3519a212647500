<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name></name>
    <message>
        <source>Review</source>
        <comment>views (进入次数)</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Review</source>
        <comment>viewers (进入人数), as the file has no views</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Review</source>
        <comment>summed over the minutes</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Review</source>
        <comment>online viewers × sample interval / viewers (estimated: the file has no dwell column)</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Review</source>
        <comment>average of 平均停留时长, weighted by the viewers of each minute</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Review</source>
        <comment>GMV</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Review</source>
        <comment>sum of 成交金额</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Review</source>
        <comment>Refunds</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Review</source>
        <comment>sum of 退款金额</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Review</source>
        <comment>Net GMV</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Review</source>
        <comment>GMV − refunds</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Review</source>
        <comment>Buyers</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Review</source>
        <comment>sum of 成交人数</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Review</source>
        <comment>Orders</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Review</source>
        <comment>sum of 成交订单数</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Review</source>
        <comment>Average order value</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Review</source>
        <comment>GMV / buyers</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Review</source>
        <comment>Viewers</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Review</source>
        <comment>sum of 进入人数</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Review</source>
        <comment>Views</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Review</source>
        <comment>sum of 进入次数</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Review</source>
        <comment>GPM</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Review</source>
        <comment>GMV × 1000 / {base}</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Review</source>
        <comment>UV value</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Review</source>
        <comment>GMV / viewers (进入人数)</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Review</source>
        <comment>Click rate</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Review</source>
        <comment>product clicks (商品点击人数) / product exposures (商品曝光人数)</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Review</source>
        <comment>Click-to-pay conversion</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Review</source>
        <comment>buyers / product clicks</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Review</source>
        <comment>View-to-pay conversion</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Review</source>
        <comment>buyers / viewers</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Review</source>
        <comment>Average dwell</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Review</source>
        <comment>Peak online</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Review</source>
        <comment>maximum of 在线人数</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Review</source>
        <comment>Average online</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Review</source>
        <comment>mean of 在线人数 over the samples</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Review</source>
        <comment>New followers</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Review</source>
        <comment>sum of 新增粉丝</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Review</source>
        <comment>New-follower rate</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Review</source>
        <comment>new followers / viewers</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Review</source>
        <comment>Refund rate</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Review</source>
        <comment>refunds / GMV</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Review</source>
        <comment>Ad spend</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Review</source>
        <comment>sum of the spend entered for the show</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Review</source>
        <comment>Ad ROI</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Review</source>
        <comment>GMV / ad spend</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Review</source>
        <comment>no ad spend entered</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Review</source>
        <comment>Room exposure</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Review</source>
        <comment>Entered</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Review</source>
        <comment>Product exposure</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Review</source>
        <comment>Product click</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Review</source>
        <comment>Paid</comment>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>DataImport</name>
    <message>
        <source>The file is neither UTF-8 nor GBK text. Save it again as CSV (UTF-8) or as an Excel .xlsx file.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Line {line}: the CSV is malformed ({detail}).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The file is not a readable Excel .xlsx workbook.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot read {name}: {reason}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Old Excel .xls files are not supported; save the file as .xlsx or .csv.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No header row found in {name}. Expected columns such as 时间, 在线人数, 成交金额 (or time, online_viewers, pay_gmv).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not a time: {value}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not a number: {value}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not a whole number: {value}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not a duration: {value}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose the column that holds the time (时间) of each row.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose at least one column to import.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the row has {n} cells but the header has {m}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Line {line}: summary row skipped.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The file gives times without a date (line {line}); choose the show&apos;s date.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>negative value: {value}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the same time as line {other}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Line {line}: {where}{problem}. Nothing was imported.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>({n} lines have problems in all.)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The file has a header but no data rows.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Review</name>
    <message>
        <source>{h} h {m} min</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{m} min {s} s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{s} s</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Server</name>
    <message>
        <source>A studio named {name} already exists.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unknown table {table}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The row id does not match its data.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unknown columns for {table}: {columns}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The change has no valid clock stamp.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This record belongs to another studio.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Someone else changed this at the same time.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The studio token is missing or wrong. Enter the token from the head office.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This app&apos;s data format ({client}) differs from the server&apos;s ({server}). Update the app or the server so both are the same version; nothing was changed and no data was lost.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The request does not say which computer sent it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The batch is not valid: {error}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The batch is larger than the server accepts ({limit} bytes); send it in parts.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Sync</name>
    <message>
        <source>A change is stamped {hours:.1f} hours in the future. Check the date and time of the computer that made it; the change was not applied.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This computer&apos;s clock is {minutes:.0f} minutes behind the server. Set the time correctly.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This computer&apos;s clock is {minutes:.0f} minutes ahead of the server. Set the time correctly.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
