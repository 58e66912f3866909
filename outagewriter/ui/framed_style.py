"""Fusion with edges that stay visible on a dark window.

Fusion derives every outline from the window colour made darker, which all but vanishes on a
dark window: radio buttons, check boxes and fields lose their edges. This style draws those
edges, and the two indicators, in the palette's Mid colour, which theme.py sets to a colour
with 3:1 contrast on the window and on fields, in light and dark alike.
"""
from __future__ import annotations

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QPainter, QPainterPath, QPalette, QPen
from PySide6.QtWidgets import QProxyStyle, QStyle, QStyleFactory

PE = QStyle.PrimitiveElement
CC = QStyle.ComplexControl
State = QStyle.StateFlag
OUTLINED = (PE.PE_Frame, PE.PE_FrameLineEdit, PE.PE_PanelButtonCommand)
RADIUS = 2.0


class FramedStyle(QProxyStyle):
    NAME = "outagewriter-framed-fusion"

    def __init__(self):
        super().__init__(QStyleFactory.create("Fusion"))
        self.setObjectName(self.NAME)

    def drawPrimitive(self, element, option, painter, widget=None) -> None:  # noqa: N802 (Qt name)
        if element == PE.PE_IndicatorRadioButton:
            _radio(option, painter)
        elif element == PE.PE_IndicatorCheckBox:
            _check_box(option, painter)
        else:
            super().drawPrimitive(element, option, painter, widget)
            if element in OUTLINED:
                _outline(option, painter, RADIUS if element != PE.PE_Frame else 0.0)

    def drawComplexControl(self, control, option, painter, widget=None) -> None:  # noqa: N802
        super().drawComplexControl(control, option, painter, widget)
        if control in (CC.CC_ComboBox, CC.CC_SpinBox) and getattr(option, "frame", False):
            _outline(option, painter, RADIUS)


def _edge(option):
    palette = option.palette
    if option.state & State.State_HasFocus and option.state & State.State_Enabled:
        return palette.color(QPalette.ColorRole.Highlight)
    return palette.color(QPalette.ColorRole.Mid)


def _outline(option, painter: QPainter, radius: float) -> None:
    """Fusion's faint edge drawn over in the boundary colour; a field with the focus gets a ring in
    the link colour (Fusion draws none around multi-line fields, so the summary had no focus mark)."""
    focused = bool(option.state & State.State_HasFocus and option.state & State.State_Enabled)
    painter.save()
    painter.setRenderHint(QPainter.RenderHint.Antialiasing, radius > 0)
    # The link colour: strong on either base (the selection blue is dim on the dark one).
    colour = option.palette.color(QPalette.ColorRole.Link if focused else QPalette.ColorRole.Mid)
    width = 2.0 if focused else 1.0
    painter.setPen(QPen(colour, width))
    painter.setBrush(Qt.BrushStyle.NoBrush)
    inset = width / 2
    painter.drawRoundedRect(QRectF(option.rect).adjusted(inset, inset, -inset, -inset), radius, radius)
    painter.restore()


def _indicator_colours(option):
    palette = option.palette
    enabled = bool(option.state & State.State_Enabled)
    fill = palette.color(QPalette.ColorRole.Base if enabled else QPalette.ColorRole.Window)
    mark_role = QPalette.ColorRole.Highlight if enabled else QPalette.ColorRole.Mid
    return fill, _edge(option), palette.color(mark_role)


def _radio(option, painter: QPainter) -> None:
    fill, edge, mark = _indicator_colours(option)
    box = QRectF(option.rect)
    side = min(box.width(), box.height()) - 1
    circle = QRectF(0, 0, side, side)
    circle.moveCenter(box.center())
    painter.save()
    painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
    painter.setPen(QPen(edge, 1.2))
    painter.setBrush(fill)
    painter.drawEllipse(circle)
    if option.state & State.State_On:
        dot = side * 0.5
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(mark)
        painter.drawEllipse(circle.center(), dot / 2, dot / 2)
    painter.restore()


def _check_box(option, painter: QPainter) -> None:
    fill, edge, mark = _indicator_colours(option)
    box = QRectF(option.rect).adjusted(0.5, 0.5, -0.5, -0.5)
    painter.save()
    painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
    painter.setPen(QPen(edge, 1.2))
    painter.setBrush(fill)
    painter.drawRoundedRect(box, RADIUS, RADIUS)
    w, h, x, y = box.width(), box.height(), box.x(), box.y()
    pen = QPen(mark, max(1.6, w / 7), Qt.PenStyle.SolidLine, Qt.PenCapStyle.RoundCap, Qt.PenJoinStyle.RoundJoin)
    painter.setPen(pen)
    painter.setBrush(Qt.BrushStyle.NoBrush)
    if option.state & State.State_NoChange:
        painter.drawLine(QPointF(x + w * 0.25, y + h / 2), QPointF(x + w * 0.75, y + h / 2))
    elif option.state & State.State_On:
        tick = QPainterPath(QPointF(x + w * 0.22, y + h * 0.52))
        tick.lineTo(QPointF(x + w * 0.42, y + h * 0.72))
        tick.lineTo(QPointF(x + w * 0.78, y + h * 0.30))
        painter.drawPath(tick)
    painter.restore()
