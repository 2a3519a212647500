<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>CameraPreview</name>
    <message>
        <source>Preview off</source>
        <translation>预览已关闭</translation>
    </message>
    <message>
        <source>Focus {focus:.0f} · U0 {u0:.2f} · clipped {clipped:.1f} % · {fps:.1f} fps</source>
        <translation>清晰度 {focus:.0f} · 均匀度 U0 {u0:.2f} · 过曝 {clipped:.1f} % · {fps:.1f} fps</translation>
    </message>
</context>
<context>
    <name>CameraProbe</name>
    <message>
        <source>Camera {source} cannot be opened: it is missing, busy or not allowed.</source>
        <translation>无法打开摄像头 {source}：设备不存在、被占用或没有权限。</translation>
    </message>
    <message>
        <source>Check that the camera is plugged in, close other programs that use it (OBS, WeChat, the browser), and allow camera access in the system&apos;s privacy settings.</source>
        <translation>确认摄像头已插好，关闭正在使用它的其他程序（OBS、微信、浏览器），并在系统隐私设置中允许访问摄像头。</translation>
    </message>
    <message>
        <source>The stream {source} cannot be opened.</source>
        <translation>无法打开视频流 {source}。</translation>
    </message>
    <message>
        <source>Check the address and that the camera or encoder is streaming on the network.</source>
        <translation>检查地址是否正确，以及摄像机或编码器是否正在网络上推流。</translation>
    </message>
    <message>
        <source>The video file {source} cannot be read.</source>
        <translation>无法读取视频文件 {source}。</translation>
    </message>
    <message>
        <source>Choose a video file that plays in a media player (MP4, MKV, AVI).</source>
        <translation>请选择能在播放器中正常播放的视频文件（MP4、MKV、AVI）。</translation>
    </message>
    <message>
        <source>The camera reported an error: {why}</source>
        <translation>摄像头报告错误：{why}</translation>
    </message>
    <message>
        <source>Unplug and replug the camera, then run the check again.</source>
        <translation>拔下并重新插上摄像头，然后重新检查。</translation>
    </message>
    <message>
        <source>Camera {source} opened but sent no picture.</source>
        <translation>摄像头 {source} 已打开，但没有画面。</translation>
    </message>
    <message>
        <source>Check the cable and that no other program holds the camera; for a stream, check that the encoder is running.</source>
        <translation>检查线缆，确认没有其他程序占用摄像头；如果是视频流，检查编码器是否在运行。</translation>
    </message>
    <message>
        <source>Camera {source} stopped sending pictures after {n} frames ({s:.1f} s).</source>
        <translation>摄像头 {source} 在 {n} 帧（{s:.1f} 秒）后停止输出画面。</translation>
    </message>
    <message>
        <source>The camera or stream was disconnected: check the cable or the network, then run the check again.</source>
        <translation>摄像头或视频流已断开：检查线缆或网络，然后重新检查。</translation>
    </message>
    <message>
        <source>The video file {source} does not exist.</source>
        <translation>视频文件 {source} 不存在。</translation>
    </message>
    <message>
        <source>Check the path of the video file.</source>
        <translation>请检查视频文件的路径。</translation>
    </message>
    <message>
        <source>Camera {source} stalled after {n} frames and did not recover within {s:.1f} s.</source>
        <translation>摄像头 {source} 在 {n} 帧后卡住，{s:.1f} 秒内没有恢复。</translation>
    </message>
    <message>
        <source>Unplug and replug the camera or restart the stream, then run the check again.</source>
        <translation>拔下并重新插上摄像头，或重启视频流，然后重新检查。</translation>
    </message>
    <message>
        <source>Camera {source} did not answer within {s:.1f} s.</source>
        <translation>摄像头 {source} 在 {s:.1f} 秒内没有响应。</translation>
    </message>
    <message>
        <source>Check that the camera or stream is on and reachable (address, cable, network), then run the check again.</source>
        <translation>确认摄像头或视频流已开启且可以连接（地址、线缆、网络），然后重新检查。</translation>
    </message>
    <message>
        <source>no answer within {s:g} s</source>
        <translation>{s:g} 秒内无响应</translation>
    </message>
    <message>
        <source>Check cancelled.</source>
        <translation>检查已取消。</translation>
    </message>
    <message>
        <source>No camera picture to judge the lighting: {why}</source>
        <translation>没有摄像头画面，无法判断灯光：{why}</translation>
    </message>
    <message>
        <source>The camera delivers {w}×{h}; the profile expects {tw}×{th}.</source>
        <translation>摄像头输出 {w}×{h}，方案要求 {tw}×{th}。</translation>
    </message>
    <message>
        <source>Set the camera to {tw}×{th} in its settings, and plug it into a USB 3 port (blue) or use a capture card.</source>
        <translation>在摄像头设置中改为 {tw}×{th}，并插到 USB 3 接口（蓝色）或改用采集卡。</translation>
    </message>
    <message>
        <source>The camera delivers {fps:.1f} fps; the profile expects {target:g} fps.</source>
        <translation>摄像头帧率为 {fps:.1f} fps，方案要求 {target:g} fps。</translation>
    </message>
    <message>
        <source>Add light (many cameras slow down in the dark), turn off the camera&apos;s low-light mode, and use a USB 3 port without a hub.</source>
        <translation>增加灯光（很多摄像头在暗处会降帧），关闭摄像头的弱光模式，并直接插到 USB 3 接口、不要经过集线器。</translation>
    </message>
    <message>
        <source>{n} frames were lost ({pct:.1f} %).</source>
        <translation>丢失了 {n} 帧（{pct:.1f}%）。</translation>
    </message>
    <message>
        <source>Close other programs that use the camera or the CPU, and connect the camera directly with a short cable (no hub).</source>
        <translation>关闭占用摄像头或 CPU 的其他程序，用短线直接连接摄像头（不要用集线器）。</translation>
    </message>
    <message>
        <source>Frames arrive unevenly (jitter {ms:.1f} ms).</source>
        <translation>画面帧间隔不均匀（抖动 {ms:.1f} 毫秒）。</translation>
    </message>
    <message>
        <source>Close heavy programs and avoid USB hubs; for a network camera, use a cable, not Wi-Fi.</source>
        <translation>关闭占用资源大的程序，避免使用 USB 集线器；网络摄像机请用网线，不要用 Wi-Fi。</translation>
    </message>
    <message>
        <source>The picture is black ({n} of {total} frames).</source>
        <translation>画面是黑的（{total} 帧中有 {n} 帧）。</translation>
    </message>
    <message>
        <source>{n} of {total} frames were black.</source>
        <translation>{total} 帧中有 {n} 帧是黑屏。</translation>
    </message>
    <message>
        <source>Remove the lens cap or open the privacy shutter, and check the HDMI cable and the camera&apos;s output.</source>
        <translation>取下镜头盖或打开隐私挡板，并检查 HDMI 线和摄像机的输出。</translation>
    </message>
    <message>
        <source>The picture is stuck: {n} frames repeated the previous one exactly.</source>
        <translation>画面卡住了：有 {n} 帧与上一帧完全相同。</translation>
    </message>
    <message>
        <source>Check the capture card and its cable, then unplug and replug the camera; close other programs that use it.</source>
        <translation>检查采集卡及其线缆，然后重新插拔摄像头；关闭正在使用它的其他程序。</translation>
    </message>
    <message>
        <source>The picture did not change for {n} frames (longest run {run}).</source>
        <translation>画面有 {n} 帧没有变化（最长连续 {run} 帧）。</translation>
    </message>
    <message>
        <source>If nothing moves in front of the camera this is expected; otherwise check the capture card and its cable, then unplug and replug the camera.</source>
        <translation>如果镜头前本来就没有动静，这是正常的；否则请检查采集卡及其线缆，然后重新插拔摄像头。</translation>
    </message>
    <message>
        <source>The picture is soft: focus is {pct:.0f} % of the saved reference.</source>
        <translation>画面发虚：清晰度只有保存的参考画面的 {pct:.0f}%。</translation>
    </message>
    <message>
        <source>Refocus on the presenter (manual focus or tap-to-focus), clean the lens, and save a new reference if the scene has changed.</source>
        <translation>重新对焦到主播（手动对焦或点击对焦），擦干净镜头；如果场景已改变，请重新保存参考画面。</translation>
    </message>
    <message>
        <source>Camera OK: {w}×{h} at {fps:.1f} fps</source>
        <translation>摄像头正常：{w}×{h}，{fps:.1f} fps</translation>
    </message>
    <message>
        <source>connection refused or no route</source>
        <translation>连接被拒绝或网络不通</translation>
    </message>
    <message>
        <source>it answered HTTP {code}</source>
        <translation>返回了 HTTP {code}</translation>
    </message>
    <message>
        <source>it does not answer like an Elgato Key Light</source>
        <translation>响应内容不像 Elgato Key Light</translation>
    </message>
    <message>
        <source>Key Light {light} cannot be reached: {why}.</source>
        <translation>无法连接 Key Light {light}：{why}。</translation>
    </message>
    <message>
        <source>Check that the light is powered and on the studio network, and that the pinned IP address is still its address.</source>
        <translation>确认灯已通电并连接到直播间网络，并确认固定的 IP 地址仍是这盏灯的地址。</translation>
    </message>
    <message>
        <source>Key Light {light} is off.</source>
        <translation>Key Light {light} 未开启。</translation>
    </message>
    <message>
        <source>Switch it on (button on the light or Elgato Control Center).</source>
        <translation>请打开它（灯上的按钮或 Elgato Control Center）。</translation>
    </message>
    <message>
        <source>Key Light {light} is at {k} K; the profile wants {target} K ± {tol} K.</source>
        <translation>Key Light {light} 色温为 {k} K，方案要求 {target} K ± {tol} K。</translation>
    </message>
    <message>
        <source>Set the light to {target} K so all lights match the camera&apos;s white balance.</source>
        <translation>把灯调到 {target} K，使所有灯与摄像头白平衡一致。</translation>
    </message>
    <message>
        <source>top left</source>
        <translation>左上方</translation>
    </message>
    <message>
        <source>top</source>
        <translation>上方</translation>
    </message>
    <message>
        <source>top right</source>
        <translation>右上方</translation>
    </message>
    <message>
        <source>left</source>
        <translation>左侧</translation>
    </message>
    <message>
        <source>centre</source>
        <translation>中央</translation>
    </message>
    <message>
        <source>right</source>
        <translation>右侧</translation>
    </message>
    <message>
        <source>bottom left</source>
        <translation>左下方</translation>
    </message>
    <message>
        <source>bottom</source>
        <translation>下方</translation>
    </message>
    <message>
        <source>bottom right</source>
        <translation>右下方</translation>
    </message>
    <message>
        <source>yellow (warm)</source>
        <translation>偏黄偏暖</translation>
    </message>
    <message>
        <source>green</source>
        <translation>偏绿</translation>
    </message>
    <message>
        <source>blue (cold)</source>
        <translation>偏蓝偏冷</translation>
    </message>
    <message>
        <source>magenta</source>
        <translation>偏品红</translation>
    </message>
    <message>
        <source>The picture is too dark (mean brightness {luma:.0f} of 255).</source>
        <translation>画面太暗（平均亮度 {luma:.0f}/255）。</translation>
    </message>
    <message>
        <source>Turn up the key and fill lights, or raise the camera&apos;s exposure.</source>
        <translation>调亮主光和补光灯，或提高摄像头曝光。</translation>
    </message>
    <message>
        <source>The picture is too bright (mean brightness {luma:.0f} of 255).</source>
        <translation>画面太亮（平均亮度 {luma:.0f}/255）。</translation>
    </message>
    <message>
        <source>Dim the lights or lower the camera&apos;s exposure.</source>
        <translation>调暗灯光或降低摄像头曝光。</translation>
    </message>
    <message>
        <source>{pct:.1f} % of the picture is blown out to pure white.</source>
        <translation>画面有 {pct:.1f}% 过曝成纯白。</translation>
    </message>
    <message>
        <source>Lower the exposure or dim the light on the bright area; keep white products and walls out of direct light.</source>
        <translation>降低曝光或调暗照在亮部的灯；白色商品和白墙不要被灯直射。</translation>
    </message>
    <message>
        <source>{pct:.1f} % of the picture is lost in black shadow.</source>
        <translation>画面有 {pct:.1f}% 暗成死黑。</translation>
    </message>
    <message>
        <source>Add fill or background light, or raise the exposure.</source>
        <translation>增加补光或背景光，或提高曝光。</translation>
    </message>
    <message>
        <source>Lighting is patchy: the {region} of the picture gets {pct:.0f} % of the average light.</source>
        <translation>灯光不均匀：画面{region}只有平均亮度的 {pct:.0f}%。</translation>
    </message>
    <message>
        <source>Aim a light at the {region} of the picture or move the key light.</source>
        <translation>把一盏灯对准画面{region}，或调整主光位置。</translation>
    </message>
    <message>
        <source>Lighting is uneven: the left is {stops:.1f} stops darker than the right.</source>
        <translation>灯光不均匀：左侧比右侧暗 {stops:.1f} 档。</translation>
    </message>
    <message>
        <source>Brighten the left fill light (or dim the right one).</source>
        <translation>调亮左侧补光灯（或调暗右侧的灯）。</translation>
    </message>
    <message>
        <source>Lighting is uneven: the right is {stops:.1f} stops darker than the left.</source>
        <translation>灯光不均匀：右侧比左侧暗 {stops:.1f} 档。</translation>
    </message>
    <message>
        <source>Brighten the right fill light (or dim the left one).</source>
        <translation>调亮右侧补光灯（或调暗左侧的灯）。</translation>
    </message>
    <message>
        <source>The picture has a {hue} colour cast (a* {a:+.0f}, b* {b:+.0f}).</source>
        <translation>画面{hue}（a* {a:+.0f}，b* {b:+.0f}）。</translation>
    </message>
    <message>
        <source>Set the camera&apos;s white balance to the lights&apos; colour temperature (or use a grey card), and switch off room lights of another colour.</source>
        <translation>把摄像头白平衡设为灯光色温（或用灰卡校准），并关掉颜色不同的室内灯。</translation>
    </message>
    <message>
        <source>The lights flicker with the 50 Hz mains: brightness pulses {depth:.1f} % at {hz:.1f} Hz in the picture.</source>
        <translation>灯光随 50 Hz 市电频闪：画面亮度以 {hz:.1f} Hz 波动 {depth:.1f}%。</translation>
    </message>
    <message>
        <source>Set the shutter to a multiple of 10 ms (1/100 s or 1/50 s) or the camera&apos;s anti-banding to 50 Hz; or use flicker-free lights.</source>
        <translation>把快门设为 10 毫秒的整数倍（1/100 秒或 1/50 秒），或把摄像头抗闪烁设为 50 Hz；也可换用无频闪灯。</translation>
    </message>
    <message>
        <source>The lights flicker with the 60 Hz mains: brightness pulses {depth:.1f} % at {hz:.1f} Hz in the picture.</source>
        <translation>灯光随 60 Hz 市电频闪：画面亮度以 {hz:.1f} Hz 波动 {depth:.1f}%。</translation>
    </message>
    <message>
        <source>Set the shutter to a multiple of 8.33 ms (1/120 s or 1/60 s) or the camera&apos;s anti-banding to 60 Hz; or use flicker-free lights.</source>
        <translation>把快门设为 8.33 毫秒的整数倍（1/120 秒或 1/60 秒），或把摄像头抗闪烁设为 60 Hz；也可换用无频闪灯。</translation>
    </message>
    <message>
        <source>Brightness pulses {depth:.1f} % at {hz:.1f} Hz.</source>
        <translation>画面亮度以 {hz:.1f} Hz 波动 {depth:.1f}%。</translation>
    </message>
    <message>
        <source>Look for a dimmer, a failing lamp or a flashing screen in the picture; lock the camera&apos;s exposure.</source>
        <translation>检查调光器、老化的灯管或画面里闪烁的屏幕；锁定摄像头曝光。</translation>
    </message>
    <message>
        <source>No camera picture to judge the lighting.</source>
        <translation>没有摄像头画面，无法判断灯光。</translation>
    </message>
    <message>
        <source>Lighting OK: brightness {luma:.0f}, uniformity {u:.2f}</source>
        <translation>灯光正常：亮度 {luma:.0f}，均匀度 {u:.2f}</translation>
    </message>
</context>
<context>
    <name>CheckCli</name>
    <message>
        <source>Check</source>
        <translation>检查项</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>结果</translation>
    </message>
    <message>
        <source>Key figures</source>
        <translation>关键数据</translation>
    </message>
    <message>
        <source>Verdict: {verdict} ({seconds:.1f} s)</source>
        <translation>结论：{verdict}（{seconds:.1f} 秒）</translation>
    </message>
    <message>
        <source>What to fix:</source>
        <translation>需要处理：</translation>
    </message>
    <message>
        <source>No show with the id {id}.</source>
        <translation>没有 ID 为 {id} 的直播场次。</translation>
    </message>
    <message>
        <source>Report written to {path}</source>
        <translation>报告已保存到 {path}</translation>
    </message>
</context>
<context>
    <name>CheckPanel</name>
    <message>
        <source>Edit profile…</source>
        <translation>编辑配置…</translation>
    </message>
    <message>
        <source>Delete profile…</source>
        <translation>删除配置…</translation>
    </message>
    <message>
        <source>Camera &amp;&amp; lighting</source>
        <translation>摄像头和灯光</translation>
    </message>
    <message>
        <source>Microphone</source>
        <translation>麦克风</translation>
    </message>
    <message>
        <source>Network</source>
        <translation>网络</translation>
    </message>
    <message>
        <source>Backup hotspot</source>
        <translation>备用热点</translation>
    </message>
    <message>
        <source>Run all checks</source>
        <translation>开始检查</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>Profile</source>
        <translation>直播间配置</translation>
    </message>
    <message>
        <source>Failover drill</source>
        <translation>备用线路切换演练</translation>
    </message>
    <message>
        <source>Ready</source>
        <translation>就绪</translation>
    </message>
    <message>
        <source>What to fix</source>
        <translation>待处理</translation>
    </message>
    <message>
        <source>Uplink</source>
        <translation>上行网络</translation>
    </message>
    <message>
        <source>History</source>
        <translation>历史记录</translation>
    </message>
    <message>
        <source>On-air watch</source>
        <translation>直播中监测</translation>
    </message>
    <message>
        <source>Profiles</source>
        <translation>配置</translation>
    </message>
    <message>
        <source>Delete profile</source>
        <translation>删除配置</translation>
    </message>
    <message>
        <source>Delete the profile “{name}”? Past checks made with it stay in the history.</source>
        <translation>删除配置“{name}”？用它做过的检测仍保留在历史记录中。</translation>
    </message>
    <message>
        <source>Deleting the profile failed</source>
        <translation>删除配置失败</translation>
    </message>
    <message>
        <source>Saving the profile failed</source>
        <translation>保存配置失败</translation>
    </message>
    <message>
        <source>Start the live preview first, with the host in focus.</source>
        <translation>请先打开实时预览，并让主播处于清晰对焦状态。</translation>
    </message>
    <message>
        <source>Focus reference saved: {value:.0f}</source>
        <translation>对焦基准已保存：{value:.0f}</translation>
    </message>
    <message>
        <source>Choose at least one check.</source>
        <translation>请至少选择一项检查。</translation>
    </message>
    <message>
        <source>Checking… %v of %m done</source>
        <translation>检查中… 已完成 %v / %m</translation>
    </message>
    <message>
        <source>Checking…</source>
        <translation>检查中…</translation>
    </message>
    <message>
        <source>Cancelling…</source>
        <translation>正在取消…</translation>
    </message>
    <message>
        <source>{verdict} · {seconds:.1f} s</source>
        <translation>{verdict} · {seconds:.1f} 秒</translation>
    </message>
    <message>
        <source>The check could not be completed: {error}</source>
        <translation>检查未能完成：{error}</translation>
    </message>
    <message>
        <source>Check failed</source>
        <translation>检查失败</translation>
    </message>
    <message>
        <source>Export</source>
        <translation>导出</translation>
    </message>
    <message>
        <source>Run a check or pick one from the history.</source>
        <translation>请先运行一次检查，或在历史记录中选择一次。</translation>
    </message>
    <message>
        <source>PDF (*.pdf)</source>
        <translation>PDF 文件 (*.pdf)</translation>
    </message>
    <message>
        <source>Web page (*.html)</source>
        <translation>网页 (*.html)</translation>
    </message>
    <message>
        <source>Export report</source>
        <translation>导出报告</translation>
    </message>
    <message>
        <source>Device check report</source>
        <translation>设备检查报告</translation>
    </message>
    <message>
        <source>Cannot write {path}: {why}</source>
        <translation>无法写入 {path}：{why}</translation>
    </message>
    <message>
        <source>Report written to {path}</source>
        <translation>报告已保存到 {path}</translation>
    </message>
</context>
<context>
    <name>ChecksStore</name>
    <message>
        <source>This check run no longer exists; it may have been deleted on another computer.</source>
        <translation>这次检测记录已不存在，可能已在另一台电脑上被删除。</translation>
    </message>
    <message>
        <source>There is no profile named “{name}”. Known profiles: {names}.</source>
        <translation>没有名为“{name}”的配置。已有配置：{names}。</translation>
    </message>
    <message>
        <source>The built-in default profile cannot be deleted.</source>
        <translation>内置的默认配置不能删除。</translation>
    </message>
</context>
<context>
    <name>Drill</name>
    <message>
        <source>the “ip” tool is missing</source>
        <translation>缺少“ip”工具</translation>
    </message>
    <message>
        <source>only Linux lets the drill take a route away</source>
        <translation>只有 Linux 允许演练临时移除路由</translation>
    </message>
    <message>
        <source>no route of {iface} leads to the ingest</source>
        <translation>{iface} 没有通往推流地址的路由</translation>
    </message>
    <message>
        <source>Enter the ingest as rtmp://host[:port]/app in the studio profile.</source>
        <translation>请在直播间配置中按 rtmp://主机[:端口]/应用 的格式填写推流地址。</translation>
    </message>
    <message>
        <source>asked for the bound variant</source>
        <translation>按要求使用绑定方式</translation>
    </message>
    <message>
        <source>this system does not say which interface carries the stream</source>
        <translation>本系统无法告知推流走的是哪个网络接口</translation>
    </message>
    <message>
        <source>the stream already goes through the hotspot</source>
        <translation>推流本来就走热点</translation>
    </message>
    <message>
        <source>The main line&apos;s route could not be put back after the drill.</source>
        <translation>演练结束后，主线路的路由未能恢复。</translation>
    </message>
    <message>
        <source>Run as administrator: {commands}</source>
        <translation>请以管理员身份执行：{commands}</translation>
    </message>
    <message>
        <source>Without the main line the stream went through {via}, not the hotspot {iface}.</source>
        <translation>断开主线路后，推流走的是 {via}，而不是热点 {iface}。</translation>
    </message>
    <message>
        <source>Unplug the other line before the show, or make the hotspot the backup route.</source>
        <translation>开播前拔掉另一条线路，或把热点设为备用路由。</translation>
    </message>
    <message>
        <source>The switch to the hotspot took {s:.1f} s.</source>
        <translation>切换到热点用了 {s:.1f} 秒。</translation>
    </message>
    <message>
        <source>Viewers drop after a few seconds of black: keep the hotspot connected and ready (screen on, sharing on) during the show.</source>
        <translation>黑屏几秒观众就会流失：直播期间让热点保持连接、随时可用（手机亮屏、共享开启）。</translation>
    </message>
    <message>
        <source>Bound variant ({why}): the main line was not taken away, the drill&apos;s connections were bound to the hotspot. This shows the hotspot carries the stream, not that the computer switches to it by itself.</source>
        <translation>绑定方式（{why}）：未断开主线路，演练的连接直接绑定到热点。这只说明热点能承载推流，不说明电脑会自动切换到热点。</translation>
    </message>
    <message>
        <source>Run the drill as administrator to test the switch itself.</source>
        <translation>以管理员身份运行演练，才能测试自动切换本身。</translation>
    </message>
    <message>
        <source>The stream path works over the hotspot {iface}; the switch took {s:.1f} s.</source>
        <translation>推流通路经热点 {iface} 正常；切换用了 {s:.1f} 秒。</translation>
    </message>
    <message>
        <source>The stream path works over the hotspot {iface} (bound variant: the main line was not taken away); the first handshake took {s:.1f} s.</source>
        <translation>推流通路经热点 {iface} 正常（绑定方式：未断开主线路）；首次握手用了 {s:.1f} 秒。</translation>
    </message>
    <message>
        <source>no answer</source>
        <translation>无应答</translation>
    </message>
    <message>
        <source>The ingest does not answer, over the main line nor over the hotspot {iface} ({why}).</source>
        <translation>推流服务器无应答，主线路和热点 {iface} 都不通（{why}）。</translation>
    </message>
    <message>
        <source>Check the ingest address in the studio profile and that the ingest server is up.</source>
        <translation>请检查直播间配置中的推流地址，并确认推流服务器在运行。</translation>
    </message>
    <message>
        <source>When the main line fails this computer has no route over the hotspot: connect the hotspot in the network settings as a line for the internet (not only for the phone), then repeat the drill.</source>
        <translation>主线路断开后，这台电脑没有经热点出去的路由：请在网络设置中把热点连接为上网线路（不只是连接手机），然后重新演练。</translation>
    </message>
    <message>
        <source>The hotspot is connected but does not carry traffic to the ingest: check the phone&apos;s mobile data, signal and data plan, and that hotspot sharing is on; then repeat the drill.</source>
        <translation>热点已连接，但到推流服务器不通：请检查手机的移动数据、信号和流量套餐，以及热点共享是否开启，然后重新演练。</translation>
    </message>
    <message>
        <source>The stream could not reach the ingest over the hotspot {iface} within {s:.0f} s ({why}).</source>
        <translation>{s:.0f} 秒内推流无法经热点 {iface} 到达推流服务器（{why}）。</translation>
    </message>
    <message>
        <source>No upload target in the profile: the upload over the hotspot was not measured.</source>
        <translation>配置中没有上传测速地址：未测量热点的上传速度。</translation>
    </message>
    <message>
        <source>The upload over the hotspot failed ({why}).</source>
        <translation>经热点上传失败（{why}）。</translation>
    </message>
    <message>
        <source>Check the upload target in the studio profile, then repeat the drill.</source>
        <translation>请检查直播间配置中的上传测速地址，然后重新演练。</translation>
    </message>
    <message>
        <source>Over the hotspot only {mbps:.1f} Mbit/s went up; the push needs {need:.1f}.</source>
        <translation>经热点只上传了 {mbps:.1f} Mbit/s；推流需要 {need:.1f}。</translation>
    </message>
    <message>
        <source>On the backup line lower the push bitrate to {kbps} kbit/s, or move the phone to a place with better signal.</source>
        <translation>走备用线路时把推流码率降到 {kbps} kbit/s，或把手机移到信号更好的地方。</translation>
    </message>
    <message>
        <source>Over the hotspot {mbps:.1f} Mbit/s went up: little room above the push&apos;s {need:.1f}.</source>
        <translation>经热点上传 {mbps:.1f} Mbit/s：比推流所需的 {need:.1f} 余量很小。</translation>
    </message>
    <message>
        <source>Consider {kbps} kbit/s as the push bitrate on the backup line.</source>
        <translation>走备用线路时建议推流码率用 {kbps} kbit/s。</translation>
    </message>
    <message>
        <source>Name the backup hotspot&apos;s network interface first (profile or --hotspot).</source>
        <translation>请先指定备用热点的网络接口（配置或 --hotspot）。</translation>
    </message>
    <message>
        <source>Name the ingest address first (profile or --ingest).</source>
        <translation>请先指定推流地址（配置或 --ingest）。</translation>
    </message>
</context>
<context>
    <name>DrillButton</name>
    <message>
        <source>Failover drill</source>
        <translation>备用线路切换演练</translation>
    </message>
    <message>
        <source>Takes the main line away (with administrator rights; otherwise binds to the hotspot) and checks that the stream reaches the ingest over the backup hotspot, and how fast it switches.</source>
        <translation>临时断开主线路（需管理员权限；否则绑定到热点），检查推流能否经备用热点到达推流服务器，以及切换有多快。</translation>
    </message>
    <message>
        <source>Not while the show is on air: the drill takes the main line away.</source>
        <translation>直播中不能演练：演练会断开主线路。</translation>
    </message>
    <message>
        <source>Drill running…</source>
        <translation>演练进行中…</translation>
    </message>
</context>
<context>
    <name>FixList</name>
    <message>
        <source>Press “Run all checks” to check the studio.</source>
        <translation>点击“开始检查”检查直播间设备。</translation>
    </message>
    <message>
        <source>Nothing to fix: every check passed.</source>
        <translation>无需处理：所有检查均已通过。</translation>
    </message>
</context>
<context>
    <name>HistoryPage</name>
    <message>
        <source>Export HTML…</source>
        <translation>导出 HTML…</translation>
    </message>
    <message>
        <source>Export PDF…</source>
        <translation>导出 PDF…</translation>
    </message>
</context>
<context>
    <name>HistoryTable</name>
    <message>
        <source>When</source>
        <translation>时间</translation>
    </message>
    <message>
        <source>Verdict</source>
        <translation>结论</translation>
    </message>
    <message>
        <source>Profile</source>
        <translation>配置</translation>
    </message>
</context>
<context>
    <name>LevelMeter</name>
    <message>
        <source>Microphone level</source>
        <translation>麦克风音量</translation>
    </message>
</context>
<context>
    <name>LiveDevices</name>
    <message>
        <source>Live preview</source>
        <translation>实时预览</translation>
    </message>
    <message>
        <source>Save focus reference</source>
        <translation>保存对焦基准</translation>
    </message>
    <message>
        <source>Use the current sharpness as this profile&apos;s reference; later checks warn below half of it.</source>
        <translation>把当前清晰度存为本配置的基准；之后的检查低于基准一半时会提醒。</translation>
    </message>
    <message>
        <source>Live mic meter</source>
        <translation>实时音量表</translation>
    </message>
    <message>
        <source>Microphone off</source>
        <translation>麦克风未开启</translation>
    </message>
    <message>
        <source>Camera</source>
        <translation>摄像头</translation>
    </message>
    <message>
        <source>Microphone</source>
        <translation>麦克风</translation>
    </message>
    <message>
        <source>Opening the camera…</source>
        <translation>正在打开摄像头…</translation>
    </message>
    <message>
        <source>Preview off</source>
        <translation>预览已关闭</translation>
    </message>
    <message>
        <source>Opening the microphone…</source>
        <translation>正在打开麦克风…</translation>
    </message>
</context>
<context>
    <name>MicProbe</name>
    <message>
        <source>The input is silent (all zeros): check the OS microphone permission / mute.</source>
        <translation>输入是静音（全为零）：请检查系统的麦克风权限 / 静音设置。</translation>
    </message>
    <message>
        <source>Allow microphone access for Studio Console in the system privacy settings, unmute the input (hardware mute switch, mixer) and check that the right device is selected.</source>
        <translation>在系统隐私设置中允许 Studio Console 使用麦克风，取消输入静音（硬件静音开关、调音台），并确认选中了正确的设备。</translation>
    </message>
    <message>
        <source>Channel {ch} clips: {n} runs of full-scale samples.</source>
        <translation>第 {ch} 声道削波：出现 {n} 段满幅采样。</translation>
    </message>
    <message>
        <source>Lower the input gain on the interface or the mixer until peaks stay below −3 dBFS.</source>
        <translation>调低声卡或调音台的输入增益，直到峰值保持在 −3 dBFS 以下。</translation>
    </message>
    <message>
        <source>Channel {ch} is very quiet ({db:.1f} dBFS).</source>
        <translation>第 {ch} 声道音量很低（{db:.1f} dBFS）。</translation>
    </message>
    <message>
        <source>Speak into the microphone during the check, raise the gain, or check the cable.</source>
        <translation>检查时请对着麦克风说话，调高增益，或检查线缆。</translation>
    </message>
    <message>
        <source>Channel {ch} is noisy: noise floor {floor:.1f} dBFS, SNR {snr:.1f} dB.</source>
        <translation>第 {ch} 声道噪声大：底噪 {floor:.1f} dBFS，信噪比 {snr:.1f} dB。</translation>
    </message>
    <message>
        <source>Switch off fans and air conditioning near the set, move the microphone closer to the host and lower the gain.</source>
        <translation>关掉直播区附近的风扇和空调，把麦克风移近主播并调低增益。</translation>
    </message>
    <message>
        <source>Mains hum at {hz:.0f} Hz on channel {ch} ({db:.1f} dB relative to the signal).</source>
        <translation>第 {ch} 声道有 {hz:.0f} Hz 电源嗡声（相对信号 {db:.1f} dB）。</translation>
    </message>
    <message>
        <source>Use a balanced (XLR) cable, keep audio cables away from power cables and lights, and plug the audio gear into the same power strip (ground loop).</source>
        <translation>使用平衡（XLR）线，让音频线远离电源线和灯具，并把音频设备插在同一个插排上（避免地环路）。</translation>
    </message>
    <message>
        <source>Channel {ch} has a DC offset of {pct:.1f} % of full scale.</source>
        <translation>第 {ch} 声道有直流偏移，为满幅的 {pct:.1f} %。</translation>
    </message>
    <message>
        <source>The interface or microphone is faulty or mis-powered; check phantom power.</source>
        <translation>声卡或麦克风故障或供电不正确；请检查幻象电源。</translation>
    </message>
    <message>
        <source>The audio had {n} dropouts (lost or zeroed blocks).</source>
        <translation>音频出现 {n} 次断续（丢失或归零的数据块）。</translation>
    </message>
    <message>
        <source>Close other programs using the microphone, use a shorter USB cable or another port, and avoid USB hubs.</source>
        <translation>关闭其他占用麦克风的程序，换更短的 USB 线或换一个接口，不要使用 USB 集线器。</translation>
    </message>
    <message>
        <source>Channel(s) {chs} carry no signal at all.</source>
        <translation>声道 {chs} 完全没有信号。</translation>
    </message>
    <message>
        <source>If only one microphone is connected, select a mono input; otherwise check that cable.</source>
        <translation>如果只接了一支麦克风，请选择单声道输入；否则请检查该线缆。</translation>
    </message>
    <message>
        <source>The channels differ by {db:.1f} dB.</source>
        <translation>各声道电平相差 {db:.1f} dB。</translation>
    </message>
    <message>
        <source>Match the gain of both inputs, or use a mono input for a single microphone.</source>
        <translation>把两路输入的增益调成一致，单支麦克风请使用单声道输入。</translation>
    </message>
    <message>
        <source>The audio library PortAudio is not installed ({why}).</source>
        <translation>未安装音频库 PortAudio（{why}）。</translation>
    </message>
    <message>
        <source>No microphone found. Plug one in and allow microphone access.</source>
        <translation>未找到麦克风。请插入麦克风并允许访问。</translation>
    </message>
    <message>
        <source>Microphone “{name}” not found. Available: {names}.</source>
        <translation>未找到麦克风“{name}”。可用设备：{names}。</translation>
    </message>
    <message>
        <source>Microphone number {index} does not exist.</source>
        <translation>编号为 {index} 的麦克风不存在。</translation>
    </message>
    <message>
        <source>Device “{name}” has no input.</source>
        <translation>设备“{name}”没有输入通道。</translation>
    </message>
    <message>
        <source>The microphone is busy in another program ({why}). Close that program.</source>
        <translation>麦克风正被其他程序占用（{why}）。请关闭该程序。</translation>
    </message>
    <message>
        <source>The microphone does not support this sample rate ({why}).</source>
        <translation>麦克风不支持此采样率（{why}）。</translation>
    </message>
    <message>
        <source>The microphone could not be opened ({why}).</source>
        <translation>无法打开麦克风（{why}）。</translation>
    </message>
    <message>
        <source>“{name}” has {n} input channel(s), not {want}.</source>
        <translation>“{name}”只有 {n} 个输入声道，而不是 {want} 个。</translation>
    </message>
    <message>
        <source>No time left to record the microphone.</source>
        <translation>没有剩余时间录制麦克风。</translation>
    </message>
    <message>
        <source>The microphone check was cancelled.</source>
        <translation>麦克风检查已取消。</translation>
    </message>
    <message>
        <source>The microphone stopped delivering audio (unplugged?).</source>
        <translation>麦克风停止输出音频（是否被拔掉？）。</translation>
    </message>
    <message>
        <source>The microphone delivered only {got:.2f} s of audio in {limit:.1f} s: it stalled or was unplugged.</source>
        <translation>麦克风在 {limit:.1f} 秒内只送来 {got:.2f} 秒音频：设备卡住或已被拔掉。</translation>
    </message>
    <message>
        <source>Microphone OK: {rms:.1f} dBFS RMS, peak {peak:.1f} dBFS.</source>
        <translation>麦克风正常：RMS {rms:.1f} dBFS，峰值 {peak:.1f} dBFS。</translation>
    </message>
    <message>
        <source>Plug the microphone in, then pick it again in the studio profile.</source>
        <translation>插入麦克风，然后在直播间配置中重新选择它。</translation>
    </message>
    <message>
        <source>Close other programs that use the microphone and allow microphone access in the OS.</source>
        <translation>关闭其他使用麦克风的程序，并在系统中允许麦克风访问。</translation>
    </message>
    <message>
        <source>Re-plug the microphone (another USB port, no hub) and run the check again.</source>
        <translation>重新插拔麦克风（换一个 USB 接口，不用集线器），然后再检查一次。</translation>
    </message>
</context>
<context>
    <name>NetworkGraph</name>
    <message>
        <source>RTT (ms)</source>
        <translation>往返时延 (ms)</translation>
    </message>
    <message>
        <source>Upload (Mbit/s)</source>
        <translation>上行带宽 (Mbit/s)</translation>
    </message>
</context>
<context>
    <name>NetworkProbe</name>
    <message>
        <source>The ingest closed the connection during the RTMP handshake ({got} of {size} bytes).</source>
        <translation>推流服务器在 RTMP 握手时关闭了连接（收到 {got}/{size} 字节）。</translation>
    </message>
    <message>
        <source>The ingest answered RTMP version {v}, not 3: is this really an RTMP ingest?</source>
        <translation>推流服务器返回 RTMP 版本 {v}，而不是 3：这真的是 RTMP 推流地址吗？</translation>
    </message>
    <message>
        <source>The ingest did not complete the RTMP handshake within {s:.1f} s.</source>
        <translation>推流服务器在 {s:.1f} 秒内没有完成 RTMP 握手。</translation>
    </message>
    <message>
        <source>The ingest reset the connection during the RTMP handshake ({why}).</source>
        <translation>推流服务器在 RTMP 握手时重置了连接（{why}）。</translation>
    </message>
    <message>
        <source>Binding to an interface is not supported on {platform}.</source>
        <translation>{platform} 不支持绑定到指定网卡。</translation>
    </message>
    <message>
        <source>Network interface “{name}” does not exist.</source>
        <translation>网卡“{name}”不存在。</translation>
    </message>
    <message>
        <source>Interface “{name}” has no address.</source>
        <translation>网卡“{name}”没有地址。</translation>
    </message>
    <message>
        <source>Not allowed to bind to interface “{name}” ({why}).</source>
        <translation>没有权限绑定到网卡“{name}”（{why}）。</translation>
    </message>
    <message>
        <source>No backup hotspot interface is configured.</source>
        <translation>未配置备用热点网卡。</translation>
    </message>
    <message>
        <source>Connect the phone hotspot (USB tethering or Wi-Fi), or correct the interface in the studio profile.</source>
        <translation>连接手机热点（USB 共享网络或 Wi-Fi），或在直播间配置中改正网卡名称。</translation>
    </message>
    <message>
        <source>The backup interface “{name}” does not exist.</source>
        <translation>备用网卡“{name}”不存在。</translation>
    </message>
    <message>
        <source>The backup interface “{name}” is down.</source>
        <translation>备用网卡“{name}”未启用。</translation>
    </message>
    <message>
        <source>The backup interface “{name}” has no link (cable or Wi-Fi lost).</source>
        <translation>备用接口“{name}”没有链路（线缆或 Wi-Fi 已断开）。</translation>
    </message>
    <message>
        <source>The backup interface “{name}” has no IP address.</source>
        <translation>备用网卡“{name}”没有 IP 地址。</translation>
    </message>
    <message>
        <source>Reconnect the hotspot so that it hands out an address (DHCP).</source>
        <translation>重新连接热点，让它分配地址（DHCP）。</translation>
    </message>
    <message>
        <source>There is no route to the ingest through “{name}”.</source>
        <translation>经由“{name}”没有到推流服务器的路由。</translation>
    </message>
    <message>
        <source>The hotspot is connected but has no internet route; check the phone&apos;s mobile data.</source>
        <translation>热点已连接但无法上网；请检查手机的移动数据。</translation>
    </message>
    <message>
        <source>The backup link is metered: a show over it uses mobile data.</source>
        <translation>备用线路按流量计费：通过它直播会消耗手机流量。</translation>
    </message>
    <message>
        <source>“{url}” is not an rtmp://host[:port]/app address.</source>
        <translation>“{url}”不是 rtmp://主机[:端口]/应用 格式的地址。</translation>
    </message>
    <message>
        <source>“{url}” has an invalid port.</source>
        <translation>“{url}”的端口无效。</translation>
    </message>
    <message>
        <source>“{url}” is neither rtmp://host[:port]/app nor host:port.</source>
        <translation>“{url}”既不是 rtmp://主机[:端口]/应用，也不是 主机:端口。</translation>
    </message>
    <message>
        <source>DNS did not answer for “{host}” within {s:.1f} s.</source>
        <translation>DNS 在 {s:.1f} 秒内没有解析“{host}”。</translation>
    </message>
    <message>
        <source>Check the DNS server of this network (router settings) or try another line.</source>
        <translation>检查本网络的 DNS 服务器（路由器设置），或换一条线路。</translation>
    </message>
    <message>
        <source>DNS cannot resolve “{host}” ({why}).</source>
        <translation>DNS 无法解析“{host}”（{why}）。</translation>
    </message>
    <message>
        <source>Check the ingest address for typos, and that this computer has internet access.</source>
        <translation>检查推流地址是否有拼写错误，以及本机能否上网。</translation>
    </message>
    <message>
        <source> via {iface}</source>
        <translation>（经由 {iface}）</translation>
    </message>
    <message>
        <source>Check the interface name in the profile.</source>
        <translation>检查配置中的网卡名称。</translation>
    </message>
    <message>
        <source>{host}:{port} refused the connection{where}: nothing listens on that port.</source>
        <translation>{host}:{port} 拒绝连接{where}：该端口没有服务在监听。</translation>
    </message>
    <message>
        <source>Check the ingest port in the studio profile (RTMP uses 1935).</source>
        <translation>检查直播间配置中的推流端口（RTMP 使用 1935）。</translation>
    </message>
    <message>
        <source>No answer from {host}:{port}{where}.</source>
        <translation>{host}:{port} 没有响应{where}。</translation>
    </message>
    <message>
        <source>A firewall may block the port, or the line is down; try the backup line.</source>
        <translation>可能被防火墙拦截，或线路已断；请尝试备用线路。</translation>
    </message>
    <message>
        <source>No route to {host}{where}.</source>
        <translation>没有到 {host} 的路由{where}。</translation>
    </message>
    <message>
        <source>This line has no internet route; check the router or the hotspot&apos;s mobile data.</source>
        <translation>这条线路无法上网；请检查路由器或热点的移动数据。</translation>
    </message>
    <message>
        <source>Cannot connect to {host}:{port}{where} ({why}).</source>
        <translation>无法连接 {host}:{port}{where}（{why}）。</translation>
    </message>
    <message>
        <source>iperf3 is not installed on this computer.</source>
        <translation>本机没有安装 iperf3。</translation>
    </message>
    <message>
        <source>Install iperf3, or use the studio backend&apos;s /upload-probe address.</source>
        <translation>请安装 iperf3，或改用直播间后台的 /upload-probe 地址。</translation>
    </message>
    <message>
        <source>Correct the ingest address in the studio profile.</source>
        <translation>在直播间配置中改正推流地址。</translation>
    </message>
    <message>
        <source>{host}:{port} is reachable but the RTMP handshake failed: {why}</source>
        <translation>{host}:{port} 可以连接，但 RTMP 握手失败：{why}</translation>
    </message>
    <message>
        <source>Check that the address is the platform&apos;s RTMP ingest (rtmp://…), not a web page.</source>
        <translation>确认该地址是平台的 RTMP 推流地址（rtmp://…），而不是网页地址。</translation>
    </message>
    <message>
        <source>The network check was cancelled.</source>
        <translation>网络检查已取消。</translation>
    </message>
    <message>
        <source>Upload speed not measured: no measurement endpoint in the profile.</source>
        <translation>未测量上行速度：配置中没有测速地址。</translation>
    </message>
    <message>
        <source>Set the studio&apos;s upload test address (the backend&apos;s /upload-probe) in the profile.</source>
        <translation>在配置中填写直播间的上行测速地址（后台的 /upload-probe）。</translation>
    </message>
    <message>
        <source>No time left to measure the upload speed.</source>
        <translation>没有剩余时间测量上行速度。</translation>
    </message>
    <message>
        <source>Network OK: RTT {rtt} ms, upload {up} Mbit/s.</source>
        <translation>网络正常：往返时延 {rtt} ms，上行 {up} Mbit/s。</translation>
    </message>
    <message>
        <source>None of {n} round-trip probes was answered.</source>
        <translation>{n} 次往返探测全部没有响应。</translation>
    </message>
    <message>
        <source>The line is dropping everything; switch to the backup line.</source>
        <translation>线路丢弃了所有数据；请切换到备用线路。</translation>
    </message>
    <message>
        <source>{pct:.0f} % of round-trip probes were lost.</source>
        <translation>{pct:.0f} % 的往返探测丢失。</translation>
    </message>
    <message>
        <source>Use a wired connection instead of Wi-Fi, or switch to the backup line.</source>
        <translation>用有线网络代替 Wi-Fi，或切换到备用线路。</translation>
    </message>
    <message>
        <source>Round-trip time is high: {ms:.0f} ms.</source>
        <translation>往返时延过高：{ms:.0f} ms。</translation>
    </message>
    <message>
        <source>Pick an ingest server closer to the studio, or stop other uploads on this line.</source>
        <translation>选择离直播间更近的推流节点，或停止这条线路上的其他上传。</translation>
    </message>
    <message>
        <source>The delay varies a lot: jitter {ms:.0f} ms.</source>
        <translation>时延波动很大：抖动 {ms:.0f} ms。</translation>
    </message>
    <message>
        <source>Use a wired connection and stop downloads on this line during the show.</source>
        <translation>使用有线网络，直播期间停止这条线路上的下载。</translation>
    </message>
    <message>
        <source>The upload test address does not answer like a measurement endpoint ({why}).</source>
        <translation>上行测速地址的响应不符合测速接口（{why}）。</translation>
    </message>
    <message>
        <source>Set the upload test address to the studio backend&apos;s /upload-probe.</source>
        <translation>把上行测速地址设为直播间后台的 /upload-probe。</translation>
    </message>
    <message>
        <source>The upload test failed ({why}).</source>
        <translation>上行测速失败（{why}）。</translation>
    </message>
    <message>
        <source>Check that the upload test address is reachable from this line.</source>
        <translation>确认这条线路可以访问上行测速地址。</translation>
    </message>
    <message>
        <source>Upload {mbps:.1f} Mbit/s is below {ratio:g}× the push bitrate ({need:.1f} Mbit/s).</source>
        <translation>上行 {mbps:.1f} Mbit/s，低于推流码率（{need:.1f} Mbit/s）的 {ratio:g} 倍。</translation>
    </message>
    <message>
        <source>Lower the push bitrate in the streaming software, stop other uploads (cloud sync, cameras), or switch to a faster line.</source>
        <translation>在推流软件中降低码率，停止其他上传（网盘同步、监控摄像头），或换一条更快的线路。</translation>
    </message>
</context>
<context>
    <name>Plan</name>
    <message>
        <source>No ingest address in the profile; network not checked.</source>
        <translation>配置中没有推流地址，未检查网络。</translation>
    </message>
    <message>
        <source>No backup hotspot interface in the profile.</source>
        <translation>配置中没有备用热点网卡。</translation>
    </message>
</context>
<context>
    <name>Preview</name>
    <message>
        <source>Cannot open the camera “{source}”.</source>
        <translation>无法打开摄像头“{source}”。</translation>
    </message>
    <message>
        <source>The camera stopped sending frames.</source>
        <translation>摄像头停止输出画面。</translation>
    </message>
    <message>
        <source>The camera failed: {why}</source>
        <translation>摄像头出错：{why}</translation>
    </message>
</context>
<context>
    <name>ProbeLight</name>
    <message>
        <source>not run</source>
        <translation>未检查</translation>
    </message>
    <message>
        <source>checking…</source>
        <translation>检查中…</translation>
    </message>
</context>
<context>
    <name>Probes</name>
    <message>
        <source>Camera</source>
        <translation>摄像头</translation>
    </message>
    <message>
        <source>Lighting</source>
        <translation>灯光</translation>
    </message>
    <message>
        <source>Microphone</source>
        <translation>麦克风</translation>
    </message>
    <message>
        <source>Network</source>
        <translation>网络</translation>
    </message>
    <message>
        <source>Backup hotspot</source>
        <translation>备用热点</translation>
    </message>
    <message>
        <source>Network lights</source>
        <translation>网络灯具</translation>
    </message>
    <message>
        <source>Failover drill</source>
        <translation>备用线路切换演练</translation>
    </message>
    <message>
        <source>Uplink</source>
        <translation>上行网络</translation>
    </message>
    <message>
        <source>pass</source>
        <translation>通过</translation>
    </message>
    <message>
        <source>warn</source>
        <translation>警告</translation>
    </message>
    <message>
        <source>fail</source>
        <translation>不通过</translation>
    </message>
    <message>
        <source>skipped</source>
        <translation>已跳过</translation>
    </message>
    <message>
        <source>error</source>
        <translation>出错</translation>
    </message>
</context>
<context>
    <name>ProfileEditor</name>
    <message>
        <source>Studio profile</source>
        <translation>直播间配置</translation>
    </message>
    <message>
        <source>e.g. wwan0, usb0</source>
        <translation>例如 wwan0、usb0</translation>
    </message>
    <message>
        <source>0 = first camera, or a file / URL</source>
        <translation>0 = 第一个摄像头，或视频文件 / 网址</translation>
    </message>
    <message>
        <source>empty = system default</source>
        <translation>留空 = 系统默认</translation>
    </message>
    <message>
        <source>IP addresses, comma-separated</source>
        <translation>IP 地址，用逗号分隔</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>Width (px)</source>
        <translation>宽度（像素）</translation>
    </message>
    <message>
        <source>Height (px)</source>
        <translation>高度（像素）</translation>
    </message>
    <message>
        <source>Frame rate (fps)</source>
        <translation>帧率（fps）</translation>
    </message>
    <message>
        <source>Push bitrate</source>
        <translation>推流码率</translation>
    </message>
    <message>
        <source>Ingest</source>
        <translation>推流地址</translation>
    </message>
    <message>
        <source>Upload test target</source>
        <translation>上行测速地址</translation>
    </message>
    <message>
        <source>Backup hotspot interface</source>
        <translation>备用热点网卡</translation>
    </message>
    <message>
        <source>Camera</source>
        <translation>摄像头</translation>
    </message>
    <message>
        <source>Microphone</source>
        <translation>麦克风</translation>
    </message>
    <message>
        <source>Colour temperature</source>
        <translation>色温</translation>
    </message>
    <message>
        <source>Tolerance ±</source>
        <translation>允许偏差 ±</translation>
    </message>
    <message>
        <source>Key Light addresses</source>
        <translation>Key Light 灯具地址</translation>
    </message>
    <message>
        <source>Reference sharpness</source>
        <translation>对焦基准清晰度</translation>
    </message>
    <message>
        <source>Threshold overrides (JSON)</source>
        <translation>阈值覆盖（JSON）</translation>
    </message>
    <message>
        <source>The reference sharpness must be a positive number.</source>
        <translation>对焦基准清晰度必须是正数。</translation>
    </message>
    <message>
        <source>The threshold overrides are not valid JSON.</source>
        <translation>阈值覆盖不是有效的 JSON。</translation>
    </message>
</context>
<context>
    <name>Report</name>
    <message>
        <source>Device check report</source>
        <translation>设备检查报告</translation>
    </message>
    <message>
        <source>Started</source>
        <translation>开始时间</translation>
    </message>
    <message>
        <source>Duration</source>
        <translation>用时</translation>
    </message>
    <message>
        <source>Profile</source>
        <translation>配置</translation>
    </message>
    <message>
        <source>Verdict</source>
        <translation>结论</translation>
    </message>
    <message>
        <source>Check</source>
        <translation>检查项</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>结果</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>用时</translation>
    </message>
    <message>
        <source>What to fix</source>
        <translation>需要处理</translation>
    </message>
    <message>
        <source>Nothing: every check passed.</source>
        <translation>无：所有检查均已通过。</translation>
    </message>
    <message>
        <source>Measurements</source>
        <translation>测量数据</translation>
    </message>
</context>
<context>
    <name>Runner</name>
    <message>
        <source>Not measured.</source>
        <translation>未测量。</translation>
    </message>
    <message>
        <source>The {probe} check failed unexpectedly: {error}</source>
        <translation>{probe}检查意外失败：{error}</translation>
    </message>
    <message>
        <source>The {probe} check gave no usable result.</source>
        <translation>{probe}检查没有给出可用结果。</translation>
    </message>
    <message>
        <source>Cancelled before the {probe} check finished.</source>
        <translation>{probe}检查完成前已取消。</translation>
    </message>
    <message>
        <source>The {probe} check did not finish within {seconds:.0f} s; the device may be hung.</source>
        <translation>{probe}检查未在 {seconds:.0f} 秒内完成，设备可能已卡死。</translation>
    </message>
</context>
<context>
    <name>StudioProfile</name>
    <message>
        <source>The profile needs a name.</source>
        <translation>配置需要一个名称。</translation>
    </message>
    <message>
        <source>Resolution {w}×{h} is not usable; use e.g. 1920×1080.</source>
        <translation>分辨率 {w}×{h} 不可用，请使用例如 1920×1080。</translation>
    </message>
    <message>
        <source>Frame rate {fps} is not usable; use e.g. 30.</source>
        <translation>帧率 {fps} 不可用，请使用例如 30。</translation>
    </message>
    <message>
        <source>Push bitrate {kbps} kbit/s is not usable; use e.g. 4000.</source>
        <translation>推流码率 {kbps} kbit/s 不可用，请使用例如 4000。</translation>
    </message>
    <message>
        <source>Colour temperature {k} K ± {tol} K is not usable; use e.g. 5600 ± 300.</source>
        <translation>色温 {k} K ± {tol} K 不可用，请使用例如 5600 ± 300。</translation>
    </message>
    <message>
        <source>Ingest “{url}” is neither rtmp://host[:port]/app nor host:port.</source>
        <translation>推流地址“{url}”既不是 rtmp://主机[:端口]/应用，也不是 主机:端口。</translation>
    </message>
    <message>
        <source>The reference sharpness must be a positive number.</source>
        <translation>对焦基准清晰度必须是正数。</translation>
    </message>
    <message>
        <source>Unknown threshold(s): {names}.</source>
        <translation>未知的阈值：{names}。</translation>
    </message>
    <message>
        <source>Threshold {name} must be a number.</source>
        <translation>阈值 {name} 必须是数字。</translation>
    </message>
    <message>
        <source>A profile must be a JSON object.</source>
        <translation>配置必须是一个 JSON 对象。</translation>
    </message>
    <message>
        <source>Unknown profile field(s): {names}.</source>
        <translation>未知的配置字段：{names}。</translation>
    </message>
    <message>
        <source>Field {name} must be a whole number.</source>
        <translation>字段 {name} 必须是整数。</translation>
    </message>
    <message>
        <source>Field {name} must be text.</source>
        <translation>字段 {name} 必须是文本。</translation>
    </message>
    <message>
        <source>Field {name} must be a number.</source>
        <translation>字段 {name} 必须是数字。</translation>
    </message>
    <message>
        <source>Field {name} must be a list of addresses.</source>
        <translation>字段 {name} 必须是地址列表。</translation>
    </message>
    <message>
        <source>Field {name} must be an object of numbers.</source>
        <translation>字段 {name} 必须是由数字组成的对象。</translation>
    </message>
    <message>
        <source>The profile is not valid JSON (line {line}): {why}</source>
        <translation>配置不是有效的 JSON（第 {line} 行）：{why}</translation>
    </message>
</context>
<context>
    <name>Verdict</name>
    <message>
        <source>GO</source>
        <translation>可以开播</translation>
    </message>
    <message>
        <source>GO with warnings</source>
        <translation>可以开播（有警告）</translation>
    </message>
    <message>
        <source>NO-GO</source>
        <translation>不可开播</translation>
    </message>
</context>
<context>
    <name>VerdictSign</name>
    <message>
        <source>Not checked</source>
        <translation>尚未检查</translation>
    </message>
    <message>
        <source>Checking…</source>
        <translation>检查中…</translation>
    </message>
</context>
<context>
    <name>Watch</name>
    <message>
        <source>Switch the push to the backup hotspot ({iface}).</source>
        <translation>把推流切换到备用热点（{iface}）。</translation>
    </message>
    <message>
        <source>Check the router and the line; lower the push bitrate or switch to a backup line.</source>
        <translation>检查路由器和线路；降低推流码率或切换到备用线路。</translation>
    </message>
    <message>
        <source>The microphone is silent ({value:.0f} dBFS).</source>
        <translation>麦克风没有声音（{value:.0f} dBFS）。</translation>
    </message>
    <message>
        <source>Check the mic&apos;s mute switch, battery and cable; the host may be unheard.</source>
        <translation>检查麦克风的静音开关、电池和线缆；观众可能听不到主播。</translation>
    </message>
    <message>
        <source>The microphone gives no signal.</source>
        <translation>麦克风没有信号。</translation>
    </message>
    <message>
        <source>The microphone is clipping (peak {value:.1f} dBFS).</source>
        <translation>麦克风削波失真（峰值 {value:.1f} dBFS）。</translation>
    </message>
    <message>
        <source>Lower the mic gain by about 6 dB or move the mic away from the mouth.</source>
        <translation>把麦克风增益调低约 6 dB，或让麦克风离嘴远一些。</translation>
    </message>
    <message>
        <source>The camera dropped to {value:.0f} fps (needs {limit:.0f}).</source>
        <translation>摄像头帧率降到 {value:.0f} fps（至少需要 {limit:.0f}）。</translation>
    </message>
    <message>
        <source>Check the camera&apos;s USB/HDMI cable and close other programs using the camera.</source>
        <translation>检查摄像头的 USB/HDMI 线，并关闭其他占用摄像头的程序。</translation>
    </message>
    <message>
        <source>The camera gives no frames.</source>
        <translation>摄像头没有画面。</translation>
    </message>
    <message>
        <source>The uplink is slow or down (RTT {value:.0f} ms).</source>
        <translation>上行网络很慢或已断开（往返时延 {value:.0f} ms）。</translation>
    </message>
    <message>
        <source>The uplink does not answer (ingest unreachable).</source>
        <translation>上行网络无响应（推流地址无法连接）。</translation>
    </message>
    <message>
        <source>The uplink loses {value:.0f} % of its probes (over the last minute).</source>
        <translation>上行网络丢失了 {value:.0f}% 的探测（最近一分钟）。</translation>
    </message>
    <message>
        <source>Upload headroom is down to {value:.1f} Mbit/s (the line&apos;s measured upload minus what this computer sends now).</source>
        <translation>上传余量只剩 {value:.1f} Mbit/s（线路实测上传速度减去本机当前发送量）。</translation>
    </message>
    <message>
        <source>Stop other uploads on this line (cloud sync, updates, other computers) or lower the push bitrate.</source>
        <translation>停止这条线路上的其他上传（云同步、系统更新、其他电脑），或降低推流码率。</translation>
    </message>
    <message>
        <source>The backup hotspot is not ready.</source>
        <translation>备用热点未就绪。</translation>
    </message>
    <message>
        <source>The show has no backup line: reconnect the phone&apos;s hotspot (sharing on, mobile data on).</source>
        <translation>直播没有备用线路了：请重新连接手机热点（开启共享和移动数据）。</translation>
    </message>
    <message>
        <source>The backup hotspot {iface} is gone.</source>
        <translation>备用热点 {iface} 不见了。</translation>
    </message>
    <message>
        <source>The backup hotspot {iface} is down.</source>
        <translation>备用热点 {iface} 已停用。</translation>
    </message>
    <message>
        <source>The backup hotspot {iface} lost its link.</source>
        <translation>备用热点 {iface} 链路已断开。</translation>
    </message>
    <message>
        <source>The backup hotspot {iface} has no address.</source>
        <translation>备用热点 {iface} 没有 IP 地址。</translation>
    </message>
    <message>
        <source>The ingest does not answer through the backup hotspot {iface}.</source>
        <translation>经备用热点 {iface} 推流服务器无应答。</translation>
    </message>
</context>
<context>
    <name>WatchBar</name>
    <message>
        <source>On-air watch</source>
        <translation>直播中监测</translation>
    </message>
    <message>
        <source>Watch off</source>
        <translation>监测未开启</translation>
    </message>
    <message>
        <source>Nothing to watch: start the preview or the mic meter, or set an ingest.</source>
        <translation>没有可监测的项目：请打开预览或音量表，或在配置中填写推流地址。</translation>
    </message>
    <message>
        <source>mic level</source>
        <translation>麦克风音量</translation>
    </message>
    <message>
        <source>mic peaks</source>
        <translation>麦克风峰值</translation>
    </message>
    <message>
        <source>camera frame rate</source>
        <translation>摄像头帧率</translation>
    </message>
    <message>
        <source>uplink RTT</source>
        <translation>上行时延</translation>
    </message>
    <message>
        <source>uplink loss</source>
        <translation>上行丢包</translation>
    </message>
    <message>
        <source>upload headroom</source>
        <translation>上传余量</translation>
    </message>
    <message>
        <source>backup hotspot</source>
        <translation>备用热点</translation>
    </message>
    <message>
        <source>, </source>
        <translation>、</translation>
    </message>
    <message>
        <source>Watching: {what}</source>
        <translation>监测中：{what}</translation>
    </message>
    <message>
        <source>{status} · camera frame rate not watched: {why}</source>
        <translation>{status} · 未监测摄像头帧率：{why}</translation>
    </message>
</context>
</TS>
