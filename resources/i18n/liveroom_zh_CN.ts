<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>AlertCard</name>
    <message>
        <source>Send to host</source>
        <translation>发给主播</translation>
    </message>
    <message>
        <source>Shows the suggestion on the prompter as a cue</source>
        <translation>把建议作为提示显示在提词器上</translation>
    </message>
</context>
<context>
    <name>AlertList</name>
    <message>
        <source>All steady: dwell and interaction are at the show&apos;s usual level.</source>
        <translation>一切平稳：停留和互动都在本场的正常水平。</translation>
    </message>
</context>
<context>
    <name>DataImport</name>
    <message>
        <source>negative value: {value}</source>
        <translation>负数：{value}</translation>
    </message>
</context>
<context>
    <name>HotTable</name>
    <message>
        <source>Product</source>
        <translation>商品</translation>
    </message>
    <message>
        <source>Clicks 10 min</source>
        <translation>近10分钟点击</translation>
    </message>
    <message>
        <source>Click rate</source>
        <translation>点击率</translation>
    </message>
    <message>
        <source>GMV 10 min</source>
        <translation>近10分钟成交</translation>
    </message>
    <message>
        <source>Orders</source>
        <translation>订单</translation>
    </message>
</context>
<context>
    <name>LiveRoom</name>
    <message>
        <source>a product needs a name</source>
        <translation>商品需要名称</translation>
    </message>
    <message>
        <source>Dwell fell to {now:.0f} s (the show&apos;s usual {base:.0f} s)</source>
        <translation>停留降到 {now:.0f} 秒（本场平常 {base:.0f} 秒）</translation>
    </message>
    <message>
        <source>Viewers leaving: switch the demo / bring out an offer</source>
        <translation>观众在流失：换演示 / 上福利</translation>
    </message>
    <message>
        <source>Interaction fell to {now:.0f}/min (the show&apos;s usual {base:.0f}/min)</source>
        <translation>互动降到每分钟 {now:.0f} 次（本场平常 {base:.0f} 次）</translation>
    </message>
    <message>
        <source>Room is quiet: ask a question / start a lucky draw</source>
        <translation>直播间冷场：抛个问题 / 来一轮抽奖</translation>
    </message>
    <message>
        <source>{name}: click rate fell to {now:.1%} (was {base:.1%})</source>
        <translation>{name}：点击率降到 {now:.1%}（之前 {base:.1%}）</translation>
    </message>
    <message>
        <source>{name} not clicked: show it again / name the offer</source>
        <translation>{name}没人点：再演示一遍 / 讲清福利</translation>
    </message>
    <message>
        <source>Only the segments still to come can be reordered.</source>
        <translation>只能调整还没播的环节顺序。</translation>
    </message>
    <message>
        <source>That segment has already been on air.</source>
        <translation>这个环节已经播过了。</translation>
    </message>
    <message>
        <source>No segment of link {n} is still to come.</source>
        <translation>{n}号链接后面没有待播的环节了。</translation>
    </message>
    <message>
        <source>Link {n} {name} SOLD OUT: move on / restock?</source>
        <translation>{n}号链接 {name} 已售罄：过款 / 加库存？</translation>
    </message>
    <message>
        <source>{key}: expected a number</source>
        <translation>{key}：应为数字</translation>
    </message>
    <message>
        <source>each entry must be a JSON object</source>
        <translation>每一条都必须是 JSON 对象</translation>
    </message>
    <message>
        <source>products must be a list</source>
        <translation>products 必须是列表</translation>
    </message>
    <message>
        <source>{name}: {error}</source>
        <translation>{name}：{error}</translation>
    </message>
</context>
<context>
    <name>LiveRoomArea</name>
    <message>
        <source>Live room</source>
        <translation>直播间</translation>
    </message>
    <message>
        <source>Live numbers against the show&apos;s own baseline, hot products, questions and stock</source>
        <translation>实时数据对比本场基线、爆款、观众提问和库存</translation>
    </message>
</context>
<context>
    <name>LiveRoomPanel</name>
    <message>
        <source>Online now</source>
        <translation>当前在线</translation>
    </message>
    <message>
        <source>Dwell</source>
        <translation>平均停留</translation>
    </message>
    <message>
        <source>Interaction / min</source>
        <translation>每分钟互动</translation>
    </message>
    <message>
        <source>GMV</source>
        <translation>成交金额</translation>
    </message>
    <message>
        <source>Orders</source>
        <translation>订单</translation>
    </message>
    <message>
        <source>Data alerts</source>
        <translation>数据预警</translation>
    </message>
    <message>
        <source>Move this product next</source>
        <translation>把这个商品提到下一个讲</translation>
    </message>
    <message>
        <source>Its segments still to come follow the one on air</source>
        <translation>它还没播的环节排到当前环节之后</translation>
    </message>
    <message>
        <source>Hot products</source>
        <translation>爆款商品</translation>
    </message>
    <message>
        <source>Open a show in the script runner: the live room follows it.</source>
        <translation>请先在提词里打开一场直播：直播间会跟随它。</translation>
    </message>
    <message>
        <source>usually {value:.0f}{unit}</source>
        <translation>平常 {value:.0f}{unit}</translation>
    </message>
    <message>
        <source>baseline after 5 min</source>
        <translation>开播 5 分钟后有基线</translation>
    </message>
    <message>
        <source>Skipped (kept in failed/): {errors}</source>
        <translation>已跳过（保留在 failed/ 文件夹）：{errors}</translation>
    </message>
    <message>
        <source>Read {names} from {folder}</source>
        <translation>已从 {folder} 读取 {names}</translation>
    </message>
    <message>
        <source>Sent to the host: {text}</source>
        <translation>已发给主播：{text}</translation>
    </message>
    <message>
        <source>Choose a product in the hot list first.</source>
        <translation>请先在爆款列表里选一个商品。</translation>
    </message>
    <message>
        <source>{name} has no product card in the script.</source>
        <translation>脚本里没有 {name} 的商品卡。</translation>
    </message>
    <message>
        <source>Rundown changed: the prompter follows the new order.</source>
        <translation>流程已调整：提词器按新顺序显示。</translation>
    </message>
</context>
<context>
    <name>QuestionsReview</name>
    <message>
        <source>Question</source>
        <translation>问题</translation>
    </message>
    <message>
        <source>Starred</source>
        <translation>加星</translation>
    </message>
    <message>
        <source>Outcome</source>
        <translation>结果</translation>
    </message>
    <message>
        <source>Put up at</source>
        <translation>上屏时间</translation>
    </message>
    <message>
        <source>Questions</source>
        <translation>观众提问</translation>
    </message>
    <message>
        <source>not put up</source>
        <translation>未上屏</translation>
    </message>
    <message>
        <source>on the prompter</source>
        <translation>提词器上</translation>
    </message>
    <message>
        <source>answered</source>
        <translation>已回答</translation>
    </message>
    <message>
        <source>not answered</source>
        <translation>未回答</translation>
    </message>
</context>
<context>
    <name>QuestionsView</name>
    <message>
        <source>Viewers&apos; questions</source>
        <translation>观众提问</translation>
    </message>
    <message>
        <source>Type or paste questions from the comments, one a line; Ctrl+Enter adds them</source>
        <translation>输入或粘贴评论区的问题，一行一个；Ctrl+Enter 添加</translation>
    </message>
    <message>
        <source>Add</source>
        <translation>添加</translation>
    </message>
    <message>
        <source>No question on the prompter.</source>
        <translation>提词器上没有问题。</translation>
    </message>
    <message>
        <source>Answered</source>
        <translation>已回答</translation>
    </message>
    <message>
        <source>Not answered</source>
        <translation>未回答</translation>
    </message>
    <message>
        <source>Star it: starred questions go up in the next Q&amp;A slot</source>
        <translation>加星：加星的问题在下一次答疑时上提词器</translation>
    </message>
    <message>
        <source>on the prompter</source>
        <translation>提词器上</translation>
    </message>
    <message>
        <source>answered</source>
        <translation>已回答</translation>
    </message>
    <message>
        <source>not answered</source>
        <translation>未回答</translation>
    </message>
    <message>
        <source>On the prompter: {text}</source>
        <translation>提词器上：{text}</translation>
    </message>
    <message>
        <source>{n} starred, waiting for the next Q&amp;A slot.</source>
        <translation>{n} 个加星问题，等下一次答疑。</translation>
    </message>
</context>
<context>
    <name>RundownView</name>
    <message>
        <source>Still to come</source>
        <translation>待播环节</translation>
    </message>
    <message>
        <source>Up</source>
        <translation>上移</translation>
    </message>
    <message>
        <source>Down</source>
        <translation>下移</translation>
    </message>
    <message>
        <source>Next</source>
        <translation>下一个</translation>
    </message>
    <message>
        <source>Move the chosen segment right after the one on air</source>
        <translation>把选中的环节排到当前环节之后</translation>
    </message>
</context>
<context>
    <name>StockCard</name>
    <message>
        <source>Live stock</source>
        <translation>实时库存</translation>
    </message>
    <message>
        <source>No product on air.</source>
        <translation>当前没有讲品。</translation>
    </message>
    <message>
        <source>Set</source>
        <translation>设定</translation>
    </message>
    <message>
        <source>Sold out cue</source>
        <translation>售罄提示</translation>
    </message>
    <message>
        <source>Link {n} · {name}</source>
        <translation>{n}号链接 · {name}</translation>
    </message>
    <message>
        <source>SOLD OUT</source>
        <translation>已售罄</translation>
    </message>
</context>
</TS>
