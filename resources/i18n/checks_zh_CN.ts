<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>CheckCli</name>
    <message>
        <source>Check</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Result</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Key figures</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Verdict: {verdict} ({seconds:.1f} s)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What to fix:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Report written to {path}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ChecksStore</name>
    <message>
        <source>There is no profile named “{name}”. Known profiles: {names}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The built-in default profile cannot be deleted.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>LevelMeter</name>
    <message>
        <source>Microphone level</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Plan</name>
    <message>
        <source>No ingest address in the profile; network not checked.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No backup hotspot interface in the profile.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Probes</name>
    <message>
        <source>Camera</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Lighting</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Microphone</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Network</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Backup hotspot</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Network lights</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>pass</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>warn</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>fail</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>skipped</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>error</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Report</name>
    <message>
        <source>Device check report</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Runner</name>
    <message>
        <source>Not measured.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The {probe} check failed unexpectedly: {error}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The {probe} check gave no usable result.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancelled before the {probe} check finished.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The {probe} check did not finish within {seconds:.0f} s; the device may be hung.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Verdict</name>
    <message>
        <source>GO</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>GO with warnings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>NO-GO</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Watch</name>
    <message>
        <source>Switch the push to the backup hotspot ({iface}).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Check the router and the line; lower the push bitrate or switch to a backup line.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The microphone is silent ({value:.0f} dBFS).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Check the mic&apos;s mute switch, battery and cable; the host may be unheard.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The microphone gives no signal.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The microphone is clipping (peak {value:.1f} dBFS).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Lower the mic gain by about 6 dB or move the mic away from the mouth.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The camera dropped to {value:.0f} fps (needs {limit:.0f}).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Check the camera&apos;s USB/HDMI cable and close other programs using the camera.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The camera gives no frames.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The uplink is slow or down (RTT {value:.0f} ms).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The uplink does not answer (ingest unreachable).</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
