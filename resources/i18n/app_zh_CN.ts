<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>AlertStrip</name>
    <message>
        <source>⚠ {kind} since {since}: {message}</source>
        <translation>⚠ {kind}（自 {since} 起）：{message}</translation>
    </message>
    <message>
        <source>Acknowledge</source>
        <translation>已知悉</translation>
    </message>
</context>
<context>
    <name>App</name>
    <message>
        <source>Something went wrong</source>
        <translation>出错了</translation>
    </message>
    <message>
        <source>Studio Console hit an unexpected error. Your data is saved. Details are in the log:</source>
        <translation>直播中控台遇到意外错误。您的数据已保存。详细信息见日志：</translation>
    </message>
    <message>
        <source>Cannot open the workspace</source>
        <translation>无法打开工作区</translation>
    </message>
    <message>
        <source>Restore latest backup</source>
        <translation>恢复最近的备份</translation>
    </message>
    <message>
        <source>Open another workspace…</source>
        <translation>打开其他工作区…</translation>
    </message>
    <message>
        <source>Quit</source>
        <translation>退出</translation>
    </message>
    <message>
        <source>Choose a workspace folder</source>
        <translation>选择工作区文件夹</translation>
    </message>
</context>
<context>
    <name>Demo</name>
    <message>
        <source>Demo show: autumn skincare and snacks special</source>
        <translation>演示直播：秋季护肤与零食专场</translation>
    </message>
    <message>
        <source>Xiao Lin</source>
        <translation>小林</translation>
    </message>
    <message>
        <source>A demo show to explore Studio Console. Delete it when you like.</source>
        <translation>用于熟悉直播中控台的演示直播，可随时删除。</translation>
    </message>
</context>
<context>
    <name>GeneralPage</name>
    <message>
        <source>Follow the system</source>
        <translation>跟随系统</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>界面语言</translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation>浏览…</translation>
    </message>
    <message>
        <source>Workspace folder</source>
        <translation>工作区文件夹</translation>
    </message>
    <message>
        <source>Language and workspace changes take effect the next time Studio Console starts.</source>
        <translation>界面语言和工作区的更改将在下次启动直播中控台时生效。</translation>
    </message>
    <message>
        <source>Choose a workspace folder</source>
        <translation>选择工作区文件夹</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Studio Console</source>
        <translation>直播中控台</translation>
    </message>
    <message>
        <source>Device check</source>
        <translation>设备检查</translation>
    </message>
    <message>
        <source>Script runner</source>
        <translation>提词</translation>
    </message>
    <message>
        <source>Data</source>
        <translation>数据</translation>
    </message>
    <message>
        <source>Pre-stream checks of camera, microphone, lighting and network</source>
        <translation>开播前检查摄像头、麦克风、灯光和网络</translation>
    </message>
    <message>
        <source>Rundown, teleprompter, product cards and the promo clock</source>
        <translation>流程单、提词器、商品卡与福利节奏</translation>
    </message>
    <message>
        <source>Live numbers, review metrics and sync with the head office</source>
        <translation>实时数据、复盘指标及与总部同步</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <source>Open workspace folder</source>
        <translation>打开工作区文件夹</translation>
    </message>
    <message>
        <source>Open reports folder</source>
        <translation>打开报告文件夹</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>退出(&amp;Q)</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>视图(&amp;V)</translation>
    </message>
    <message>
        <source>Full screen</source>
        <translation>全屏</translation>
    </message>
    <message>
        <source>&amp;Tools</source>
        <translation>工具(&amp;T)</translation>
    </message>
    <message>
        <source>Settings…</source>
        <translation>设置…</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>帮助(&amp;H)</translation>
    </message>
    <message>
        <source>Open log folder</source>
        <translation>打开日志文件夹</translation>
    </message>
    <message>
        <source>About Studio Console</source>
        <translation>关于直播中控台</translation>
    </message>
    <message>
        <source>Workspace: {path}</source>
        <translation>工作区：{path}</translation>
    </message>
    <message>
        <source>Studio Console {version}
Pre-stream device checks, teleprompter and show review for live-commerce studios.
Workspace: {path}</source>
        <translation>直播中控台 {version}
面向直播带货直播间的开播前设备检查、提词与复盘工具。
工作区：{path}</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <source>Settings</source>
        <translation>设置</translation>
    </message>
    <message>
        <source>General</source>
        <translation>常规</translation>
    </message>
</context>
<context>
    <name>ShowCli</name>
    <message>
        <source>There is no show yet.</source>
        <translation>还没有直播场次。</translation>
    </message>
    <message>
        <source>No show with the id {id}.</source>
        <translation>没有 ID 为 {id} 的直播场次。</translation>
    </message>
    <message>
        <source>Planned: {start} to {end}</source>
        <translation>计划：{start} 至 {end}</translation>
    </message>
    <message>
        <source>On air: {start} to {end}</source>
        <translation>实际直播：{start} 至 {end}</translation>
    </message>
    <message>
        <source>Device checks: {count}</source>
        <translation>设备检查：{count} 次</translation>
    </message>
    <message>
        <source>Checklist: none yet</source>
        <translation>开播清单：暂无</translation>
    </message>
    <message>
        <source>Compliance reviews: {count}</source>
        <translation>合规审核：{count} 条</translation>
    </message>
    <message>
        <source>accepted</source>
        <translation>已通过</translation>
    </message>
    <message>
        <source>refused</source>
        <translation>未通过</translation>
    </message>
    <message>
        <source>{at}  {who}  {state}, {forbidden} forbidden  {note}</source>
        <translation>{at}  {who}  {state}，禁用词 {forbidden} 个  {note}</translation>
    </message>
    <message>
        <source>Promos: {due} due, {done} done, {missed} missed</source>
        <translation>福利：到点 {due} 次，完成 {done} 次，错过 {missed} 次</translation>
    </message>
    <message>
        <source>Cues: {count}</source>
        <translation>场控提示：{count} 条</translation>
    </message>
    <message>
        <source>On-air alerts: {count}</source>
        <translation>直播中告警：{count} 条</translation>
    </message>
    <message>
        <source>Incidents: {count}</source>
        <translation>事故：{count} 起</translation>
    </message>
    <message>
        <source>waiting</source>
        <translation>等待中</translation>
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
        <source>Viewer questions: {count}, {answered} answered</source>
        <translation>观众提问：{count} 条，已回答 {answered} 条</translation>
    </message>
    <message>
        <source>Segments (planned / on air, minutes):</source>
        <translation>环节（计划 / 实际，分钟）：</translation>
    </message>
</context>
<context>
    <name>Store</name>
    <message>
        <source>The database {path} is in use by another program (is Studio Console already open?). Close it, or open another workspace.</source>
        <translation>数据库 {path} 正被其他程序占用（直播中控台是否已经打开？）。请关闭它，或打开其他工作区。</translation>
    </message>
    <message>
        <source>The database {path} is damaged and cannot be opened. Restore the latest automatic backup, or open another workspace.</source>
        <translation>数据库 {path} 已损坏，无法打开。请恢复最近的自动备份，或打开其他工作区。</translation>
    </message>
    <message>
        <source>This workspace was written by a newer version of Studio Console. Update the app, or open another workspace.</source>
        <translation>此工作区由更新版本的直播中控台创建。请升级应用，或打开其他工作区。</translation>
    </message>
</context>
</TS>
