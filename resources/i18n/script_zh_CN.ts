<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name></name>
    <message>
        <source>PrompterKeys</source>
        <comment>Faster (gear up)</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>PrompterKeys</source>
        <comment>Slower (gear down)</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>PrompterKeys</source>
        <comment>Pause / resume (starts the show)</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>PrompterKeys</source>
        <comment>Next segment</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>PrompterKeys</source>
        <comment>Previous segment</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>PrompterKeys</source>
        <comment>First segment</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>PrompterKeys</source>
        <comment>Last segment</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>PrompterKeys</source>
        <comment>Rewind while held</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>PrompterKeys</source>
        <comment>Blank the screen</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>PrompterKeys</source>
        <comment>Dismiss cue or emergency text</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>PrompterKeys</source>
        <comment>Promo done</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>PrompterKeys</source>
        <comment>Promo skipped</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>PrompterKeys</source>
        <comment>Log a correction</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>PrompterKeys</source>
        <comment>Gear {n}</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>PrompterKeys</source>
        <comment>Emergency script {n}</comment>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>EmergencyKind</name>
    <message>
        <source>Device failure</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Network drop</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Wrong price</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Wrong stock</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hostile comment</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Host needs a break</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>OnAirSession</name>
    <message>
        <source>On time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{m:.1f} min behind</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{m:.1f} min ahead</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The script has no segments to run.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The reading rate must be above zero.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The show has already started.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Type a message for the host first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A cue is at most {n} characters; the host reads it at a glance.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This script has no emergency text for “{name}”.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Correction made on air</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The saved on-air state could not be read: {error}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The show is not on air.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Product</name>
    <message>
        <source>Link {n}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PromoClock</name>
    <message>
        <source>Promo due now {late}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Next promo {countdown}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Promo {slot} is already marked.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Promo {slot} was missed and can no longer be marked.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>QaTimer</name>
    <message>
        <source>Q&amp;A {remaining}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ScriptFormat</name>
    <message>
        <source>Line {line}: {message}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The segment heading needs its planned duration at the end, e.g. “(5 min)”.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>“{text}” is not a duration; write the minutes like “(5 min)” or “(5分钟)”.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A segment lasts more than 0 and at most 1440 minutes, not {n}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A segment heading looks like “## [开场] 欢迎 (5 min)”; this one could not be read.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The segment type is missing inside the brackets, e.g. “[开场]”.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unknown segment type “{kind}”. Use one of: {known} (or their English names).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>“{token}” is not a link number; write it like “[讲品 1号链接]”.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>“{value}” is not a price; write a number of yuan like “89” or “19.9”.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>“{value}” is not a stock count; write a whole number like “500”.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A product block starts like “::: product 1号链接”; the link number is missing.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Product lines are “field: value”; “{line}” is not one. Fields: name, list_price, live_price, price_basis, coupon, stock, feature, advantage, benefit, proof, Q, A.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This question has no answer line (“A: …”) after it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>An answer (“A: …”) must follow its question (“Q: …”).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The field “{key}” is given twice.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The product needs a name line (“name: …”).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>An emergency block starts like “::: emergency 网络中断 F2”; the kind is missing.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unknown emergency kind “{kind}”. Use one of: {known} (or their English names).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A script starts with its title line, e.g. “# 秋季好物专场”.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This block is not closed; end it with a line “:::”.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Link {n} is already used by the product on line {other}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unknown block “{kind}”; blocks are “::: product …” and “::: emergency …”.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A script has one title line; segments start with “## ”. Write “\#” for a literal “#”.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Before the first segment only header lines “key: value” are allowed (host, rate, promo_every …); “{line}” is not one.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The file is empty; a script starts with its title line “# …”.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This segment sells link {n}, but no “::: product {n}号链接” block defines it.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SegmentKind</name>
    <message>
        <source>Opening</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Product</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Closing push</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Giveaway</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Flash sale</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Transition</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Q&amp;A</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Wrap-up</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SessionFile</name>
    <message>
        <source>The saved on-air state {path} could not be read: {error}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The saved on-air state {path} is not valid.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
