"""Laying the script out for the prompter: headings and paragraphs in one document, and where each segment
starts in it (for jumps, for the segment under the reading line and for the reading speed in px/s)."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtGui import (
    QColor,
    QFont,
    QTextBlockFormat,
    QTextCharFormat,
    QTextCursor,
    QTextDocument,
    QTextOption,
)

from studio_app.script.model import Script
from studio_app.ui.prompter.style import PrompterStyle


@dataclass(frozen=True)
class ScriptLayout:
    segment_tops_px: tuple[float, ...]  # where each segment's heading starts
    segment_jump_px: tuple[float, ...]  # the scroll position a jump to the segment goes to
    px_per_char: float  # of body text, for turning chars/min into px/s


def layout_key(style: PrompterStyle) -> tuple[object, ...]:
    """What the laid-out document depends on: fonts, spacing, width and colours are baked into it."""
    return (
        style.font_family,
        style.font_px,
        style.line_spacing_pct,
        style.margin_pct,
        style.text_color,
        style.heading_color,
    )


def lay_out_script(
    doc: QTextDocument, script: Script, style: PrompterStyle, column_width: float
) -> ScriptLayout:
    doc.clear()
    doc.setDocumentMargin(0)
    option = QTextOption()
    option.setWrapMode(QTextOption.WrapMode.WrapAtWordBoundaryOrAnywhere)
    doc.setDefaultTextOption(option)
    body_font = QFont(style.font_family)
    body_font.setPixelSize(style.font_px)
    doc.setDefaultFont(body_font)
    doc.setTextWidth(column_width)

    body_fmt = QTextCharFormat()
    body_fmt.setForeground(QColor(style.text_color))
    body_fmt.setFont(body_font)
    heading_font = QFont(body_font)
    heading_font.setPixelSize(max(12, int(style.font_px * 0.6)))
    heading_font.setBold(True)
    heading_fmt = QTextCharFormat()
    heading_fmt.setForeground(QColor(style.heading_color))
    heading_fmt.setFont(heading_font)
    body_block = QTextBlockFormat()
    body_block.setLineHeight(float(style.line_spacing_pct), 1)  # 1 = ProportionalHeight
    body_block.setBottomMargin(style.font_px * 0.4)
    heading_block = QTextBlockFormat()
    heading_block.setTopMargin(style.font_px * 1.2)
    heading_block.setBottomMargin(style.font_px * 0.3)

    cursor = QTextCursor(doc)
    cursor.beginEditBlock()
    heading_blocks: list[int] = []
    body_blocks: list[int] = []
    first_body_blocks: list[int] = []
    for index, segment in enumerate(script.segments):
        if index:
            cursor.insertBlock()
        cursor.setBlockFormat(heading_block)
        heading_blocks.append(cursor.block().blockNumber())
        heading = f"{index + 1}. {segment.kind.label_zh} · {segment.title}"
        cursor.insertText(heading, heading_fmt)
        paragraphs = [p for p in segment.host_text.split("\n") if p.strip()] or [" "]
        for paragraph in paragraphs:
            cursor.insertBlock(body_block, body_fmt)
            if len(first_body_blocks) <= index:
                first_body_blocks.append(cursor.block().blockNumber())
            body_blocks.append(cursor.block().blockNumber())
            cursor.insertText(paragraph.strip(), body_fmt)
    cursor.endEditBlock()

    layout = doc.documentLayout()
    tops = tuple(layout.blockBoundingRect(doc.findBlockByNumber(n)).top() for n in heading_blocks)
    body_height = 0.0
    body_chars = 0
    for block_no in body_blocks:
        block = doc.findBlockByNumber(block_no)
        body_height += layout.blockBoundingRect(block).height()
        body_chars += max(1, block.length() - 1)
    return ScriptLayout(
        segment_tops_px=tops,
        # A jump puts the first line of the segment's text just under the reading line, heading above it.
        segment_jump_px=tuple(
            layout.blockBoundingRect(doc.findBlockByNumber(n)).top() - style.font_px * 0.15
            for n in first_body_blocks
        ),
        px_per_char=body_height / body_chars if body_chars else 1.0,
    )
