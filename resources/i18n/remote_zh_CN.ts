<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>RemoteCli</name>
    <message>
        <source>command line</source>
        <translation>命令行</translation>
    </message>
    <message>
        <source>The app on this workspace is not serving the remote now; start it with &apos;studio-app gui --remote&apos;. The link assumes the port in settings.</source>
        <translation>此工作区的应用目前没有开启遥控服务；请用 &apos;studio-app gui --remote&apos; 启动。链接按设置中的端口生成。</translation>
    </message>
    <message>
        <source>Pairing {n}</source>
        <translation>配对 {n}</translation>
    </message>
    <message>
        <source>Link:  {url}</source>
        <translation>链接：{url}</translation>
    </message>
    <message>
        <source>Token: {token}</source>
        <translation>令牌：{token}</translation>
    </message>
    <message>
        <source>No active pairing {n}.</source>
        <translation>没有有效的配对 {n}。</translation>
    </message>
</context>
<context>
    <name>RemoteCommand</name>
    <message>
        <source>The request is not valid JSON.</source>
        <translation>请求不是有效的 JSON。</translation>
    </message>
    <message>
        <source>The request must be a JSON object like {&quot;action&quot;: ...}.</source>
        <translation>请求必须是 JSON 对象，例如 {&quot;action&quot;: ...}。</translation>
    </message>
    <message>
        <source>Unknown action {name}. Known actions: {known}.</source>
        <translation>未知操作 {name}。可用操作：{known}。</translation>
    </message>
    <message>
        <source>&quot;on&quot; must be true or false.</source>
        <translation>&quot;on&quot; 必须是 true 或 false。</translation>
    </message>
    <message>
        <source>Unknown emergency &quot;kind&quot;. Known kinds: {known}.</source>
        <translation>未知的应急话术 &quot;kind&quot;。可用类型：{known}。</translation>
    </message>
    <message>
        <source>A cue needs its &quot;text&quot;.</source>
        <translation>提示需要填写 &quot;text&quot;。</translation>
    </message>
    <message>
        <source>A cue may have at most {n} characters.</source>
        <translation>提示最多 {n} 个字。</translation>
    </message>
    <message>
        <source>&quot;{name}&quot; must be a whole number from {low} to {high}.</source>
        <translation>&quot;{name}&quot; 必须是 {low} 到 {high} 之间的整数。</translation>
    </message>
</context>
<context>
    <name>RemoteControl</name>
    <message>
        <source>No show is open in the script runner.</source>
        <translation>脚本控制台里没有打开的直播。</translation>
    </message>
    <message>
        <source>This script has segments 0 to {last}.</source>
        <translation>此脚本的环节编号为 0 到 {last}。</translation>
    </message>
    <message>
        <source>This script has no emergency script for “{kind}”.</source>
        <translation>此脚本没有“{kind}”的应急话术。</translation>
    </message>
</context>
<context>
    <name>RemoteDialog</name>
    <message>
        <source>Phone remote</source>
        <translation>手机遥控</translation>
    </message>
    <message>
        <source>Server on the studio network</source>
        <translation>直播间局域网服务</translation>
    </message>
    <message>
        <source>Every network (phones on the studio Wi-Fi)</source>
        <translation>所有网络（连直播间 Wi-Fi 的手机）</translation>
    </message>
    <message>
        <source>This computer only</source>
        <translation>仅本机</translation>
    </message>
    <message>
        <source>Listen on</source>
        <translation>监听地址</translation>
    </message>
    <message>
        <source>Port</source>
        <translation>端口</translation>
    </message>
    <message>
        <source>Pair a phone or tablet</source>
        <translation>配对手机或平板</translation>
    </message>
    <message>
        <source>Name, e.g. 场控&apos;s phone</source>
        <translation>名称，例如：场控的手机</translation>
    </message>
    <message>
        <source>New pairing link</source>
        <translation>生成配对链接</translation>
    </message>
    <message>
        <source>Scan the code with the phone&apos;s camera. The link works once, for {m} minutes.</source>
        <translation>用手机相机扫描二维码。链接只能使用一次，{m} 分钟内有效。</translation>
    </message>
    <message>
        <source>Device</source>
        <translation>设备</translation>
    </message>
    <message>
        <source>Paired</source>
        <translation>配对时间</translation>
    </message>
    <message>
        <source>Last seen</source>
        <translation>最近连接</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Revoke</source>
        <translation>撤销</translation>
    </message>
    <message>
        <source>Paired devices</source>
        <translation>已配对设备</translation>
    </message>
    <message>
        <source>Starting…</source>
        <translation>正在启动…</translation>
    </message>
    <message>
        <source>Stop</source>
        <translation>停止</translation>
    </message>
    <message>
        <source>Start</source>
        <translation>启动</translation>
    </message>
    <message>
        <source>Serving at {url} — remote: /remote, follower prompter: /follow</source>
        <translation>服务地址 {url} — 遥控：/remote，跟随提词器：/follow</translation>
    </message>
    <message>
        <source>Off. Phones cannot reach the prompter.</source>
        <translation>已关闭，手机无法连接提词器。</translation>
    </message>
    <message>
        <source>Phone or tablet</source>
        <translation>手机或平板</translation>
    </message>
    <message>
        <source>Revoked</source>
        <translation>已撤销</translation>
    </message>
    <message>
        <source>Link not opened yet</source>
        <translation>链接尚未打开</translation>
    </message>
    <message>
        <source>Active</source>
        <translation>有效</translation>
    </message>
</context>
<context>
    <name>RemoteMenu</name>
    <message>
        <source>Phone remote…</source>
        <translation>手机遥控…</translation>
    </message>
    <message>
        <source>Drive the prompter from a phone and follow it on a tablet, over the studio network</source>
        <translation>通过直播间局域网，用手机遥控提词器，用平板同步显示</translation>
    </message>
</context>
<context>
    <name>RemotePage</name>
    <message>
        <source>Prompter remote</source>
        <translation>提词器遥控</translation>
    </message>
    <message>
        <source>Follower prompter</source>
        <translation>跟随提词器</translation>
    </message>
    <message>
        <source>This device is not paired. Scan the QR code in Studio Console (Tools → Phone remote).</source>
        <translation>此设备尚未配对。请扫描 Studio Console 中的二维码（工具 → 手机遥控）。</translation>
    </message>
    <message>
        <source>This pairing was revoked in Studio Console. Pair again.</source>
        <translation>此配对已在 Studio Console 中撤销，请重新配对。</translation>
    </message>
    <message>
        <source>Connection lost — reconnecting…</source>
        <translation>连接已断开 — 正在重连…</translation>
    </message>
    <message>
        <source>No show is open in the script runner.</source>
        <translation>脚本控制台里没有打开的直播。</translation>
    </message>
    <message>
        <source>Pause</source>
        <translation>暂停</translation>
    </message>
    <message>
        <source>Resume</source>
        <translation>继续</translation>
    </message>
    <message>
        <source>Start the show</source>
        <translation>开播</translation>
    </message>
    <message>
        <source>◀ Previous</source>
        <translation>◀ 上一段</translation>
    </message>
    <message>
        <source>Next ▶</source>
        <translation>下一段 ▶</translation>
    </message>
    <message>
        <source>Slower</source>
        <translation>减速</translation>
    </message>
    <message>
        <source>Faster</source>
        <translation>加速</translation>
    </message>
    <message>
        <source>Gear</source>
        <translation>档位</translation>
    </message>
    <message>
        <source>Promo done</source>
        <translation>福利已做</translation>
    </message>
    <message>
        <source>Promo skipped</source>
        <translation>福利跳过</translation>
    </message>
    <message>
        <source>Blank</source>
        <translation>黑屏</translation>
    </message>
    <message>
        <source>Show text</source>
        <translation>显示文字</translation>
    </message>
    <message>
        <source>Dismiss</source>
        <translation>关闭提示</translation>
    </message>
    <message>
        <source>Emergency scripts</source>
        <translation>应急话术</translation>
    </message>
    <message>
        <source>Cue to the host</source>
        <translation>给主播的提示</translation>
    </message>
    <message>
        <source>Type a cue…</source>
        <translation>输入提示…</translation>
    </message>
    <message>
        <source>Send</source>
        <translation>发送</translation>
    </message>
    <message>
        <source>Segments</source>
        <translation>环节</translation>
    </message>
    <message>
        <source>Promo</source>
        <translation>福利</translation>
    </message>
    <message>
        <source>Q&amp;A</source>
        <translation>答疑</translation>
    </message>
    <message>
        <source>Alerts</source>
        <translation>告警</translation>
    </message>
    <message>
        <source>Paused</source>
        <translation>已暂停</translation>
    </message>
    <message>
        <source>On air</source>
        <translation>直播中</translation>
    </message>
    <message>
        <source>Ready</source>
        <translation>待开播</translation>
    </message>
    <message>
        <source>Ended</source>
        <translation>已下播</translation>
    </message>
    <message>
        <source>Mirror</source>
        <translation>镜像</translation>
    </message>
    <message>
        <source>Remote</source>
        <translation>遥控</translation>
    </message>
    <message>
        <source>中文 / EN</source>
        <translation>中文 / EN</translation>
    </message>
    <message>
        <source>Slow down</source>
        <translation>放慢语速</translation>
    </message>
    <message>
        <source>Speed up</source>
        <translation>加快语速</translation>
    </message>
    <message>
        <source>Show the product to the camera</source>
        <translation>产品对准镜头</translation>
    </message>
    <message>
        <source>Read the comments</source>
        <translation>看一下评论</translation>
    </message>
    <message>
        <source>Push the link now</source>
        <translation>马上上链接</translation>
    </message>
    <message>
        <source>Wrap up in one minute</source>
        <translation>一分钟后收尾</translation>
    </message>
</context>
<context>
    <name>RemoteServer</name>
    <message>
        <source>Too many failed attempts; try again in {s} s.</source>
        <translation>失败次数过多，请 {s} 秒后再试。</translation>
    </message>
    <message>
        <source>Pair this device first: scan the QR code in Studio Console.</source>
        <translation>请先配对此设备：扫描 Studio Console 中的二维码。</translation>
    </message>
    <message>
        <source>The request is too large.</source>
        <translation>请求太大。</translation>
    </message>
    <message>
        <source>The desktop app did not answer in time.</source>
        <translation>桌面应用未及时响应。</translation>
    </message>
    <message>
        <source>Too many failed attempts; wait a minute.</source>
        <translation>失败次数过多，请稍等一分钟。</translation>
    </message>
    <message>
        <source>This pairing link was already used, has expired or was revoked. Make a new one in Studio Console.</source>
        <translation>此配对链接已被使用、已过期或已撤销。请在 Studio Console 中重新生成。</translation>
    </message>
    <message>
        <source>Cannot listen on {host} port {port}: {reason}</source>
        <translation>无法在 {host} 的端口 {port} 监听：{reason}</translation>
    </message>
    <message>
        <source>The remote server did not start.</source>
        <translation>遥控服务未能启动。</translation>
    </message>
</context>
</TS>
