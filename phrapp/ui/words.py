"""Plain words for codes: judgement marks, checkup item and group names, record kinds,
import formats and skip reasons (UX.md "plain words first, codes last").

Every mark is a word, a glyph shape and a colour (never colour alone). Item and group
names: English in the en UI for the common items; the Japanese UI shows the MHLW
table's own names (their "translations" below are exactly those names).
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass

from phrapp.domain.risk.thresholds import Judgement
from phrapp.ui.palette import GUIDANCE_COLOR, NORMAL_COLOR, REFERRAL_COLOR
from phrapp.ui.qt import QCoreApplication

UNKNOWN_COLOR = "#6b7785"


@dataclass(frozen=True)
class Mark:
    """A judgement as the eye sees it: glyph shape + colour + word; a light cell tint."""

    glyph: str
    color: str
    word: str
    tint: str | None  # cell background, or None (white)
    level: str  # normal / guidance / referral / unknown (for tests and the smoke run)


def normal_mark() -> Mark:
    return Mark("●", NORMAL_COLOR, QCoreApplication.translate("Words", "In range"), None, "normal")


def guidance_mark(word: str | None = None) -> Mark:
    return Mark("▲", GUIDANCE_COLOR, word or QCoreApplication.translate("Words", "Guidance"), "#fff3df", "guidance")


def referral_mark(word: str | None = None) -> Mark:
    return Mark("◆", REFERRAL_COLOR, word or QCoreApplication.translate("Words", "Referral"), "#fde9e7", "referral")


def judgement_mark(judgement: Judgement | None) -> Mark | None:
    """基準内 / 保健指導 / 受診勧奨 (+ 参考 when the threshold is not confirmed);
    ``None`` when the item has no 判定値 at all."""
    if judgement is None or not judgement.has_thresholds:
        return None
    if judgement.flag == "受診勧奨":
        mark = referral_mark()
    elif judgement.flag == "保健指導":
        mark = guidance_mark()
    else:
        mark = normal_mark()
    if judgement.reference_only:
        mark = Mark(mark.glyph, mark.color, QCoreApplication.translate("Words", "{word} (ref.)").format(word=mark.word),
                    mark.tint, mark.level)
    return mark


def metabolic_mark(code: int | None) -> Mark | None:
    """メタボリックシンドローム判定 as the file codes it (1–4)."""
    if code == 1:
        return referral_mark(QCoreApplication.translate("Words", "Meets the criteria"))
    if code == 2:
        return guidance_mark(QCoreApplication.translate("Words", "Borderline (pre-syndrome)"))
    if code == 3:
        return Mark("●", NORMAL_COLOR, QCoreApplication.translate("Words", "Does not meet the criteria"), None, "normal")
    if code == 4:
        return Mark("?", UNKNOWN_COLOR, QCoreApplication.translate("Words", "Could not be judged"), None, "unknown")
    return None


def guidance_level_mark(level: int | None) -> Mark | None:
    """保健指導レベル as the file codes it (1–4)."""
    if level == 1:
        return referral_mark(QCoreApplication.translate("Words", "Intensive support"))
    if level == 2:
        return guidance_mark(QCoreApplication.translate("Words", "Motivational support"))
    if level == 3:
        return Mark("●", NORMAL_COLOR, QCoreApplication.translate("Words", "No support needed"), None, "normal")
    if level == 4:
        return Mark("?", UNKNOWN_COLOR, QCoreApplication.translate("Words", "Could not be judged"), None, "unknown")
    return None


def flag_sentence(judgement: Judgement, threshold_text: str) -> str:
    """Why a value got its mark, as the guideline puts it (information, not diagnosis)."""
    if judgement.flag == "受診勧奨":
        return QCoreApplication.translate("Words", "By the guideline's standard this is at the referral threshold "
                  "({threshold}). Please talk to your doctor about it.").format(
                      threshold=threshold_text)
    if judgement.flag == "保健指導":
        return QCoreApplication.translate("Words", "By the guideline's standard this is at the guidance threshold "
                  "({threshold}): a level where lifestyle advice is offered.").format(
                      threshold=threshold_text)
    if not judgement.has_thresholds:
        return QCoreApplication.translate("Words", "The guideline gives no threshold for this item.")
    return QCoreApplication.translate("Words", "Below the guidance threshold: within the range the guideline considers "
              "normal.")


def file_flag_word(flag: str | None) -> str | None:
    """The report's own interpretationCode."""
    return {"H": QCoreApplication.translate("Words", "High (H)"), "L": QCoreApplication.translate("Words", "Low (L)"), "N": QCoreApplication.translate("Words", "Normal (N)")}.get(flag or "")


# -- checkup items and groups -------------------------------------------------------------


def _norm(text: str) -> str:
    return unicodedata.normalize("NFKC", text).strip()


def _item_names() -> dict[str, str]:
    return {
        "身長": QCoreApplication.translate("Words", "Height"), "体重": QCoreApplication.translate("Words", "Weight"), "BMI": QCoreApplication.translate("Words", "BMI"),
        "腹囲(実測)": QCoreApplication.translate("Words", "Waist (measured)"), "腹囲(自己判定)": QCoreApplication.translate("Words", "Waist (self-judged)"),
        "腹囲(自己申告)": QCoreApplication.translate("Words", "Waist (self-reported)"), "内臓脂肪面積": QCoreApplication.translate("Words", "Visceral fat area"),
        "収縮期血圧(その他)": QCoreApplication.translate("Words", "Systolic BP"), "収縮期血圧(1回目)": QCoreApplication.translate("Words", "Systolic BP (1st)"),
        "収縮期血圧(2回目)": QCoreApplication.translate("Words", "Systolic BP (2nd)"), "拡張期血圧(その他)": QCoreApplication.translate("Words", "Diastolic BP"),
        "拡張期血圧(1回目)": QCoreApplication.translate("Words", "Diastolic BP (1st)"),
        "拡張期血圧(2回目)": QCoreApplication.translate("Words", "Diastolic BP (2nd)"),
        "採血時間(食後)": QCoreApplication.translate("Words", "Time since the last meal"),
        "空腹時中性脂肪(トリグリセリド)": QCoreApplication.translate("Words", "Triglycerides (fasting)"),
        "随時中性脂肪(トリグリセリド)": QCoreApplication.translate("Words", "Triglycerides (non-fasting)"),
        "HDLコレステロール": QCoreApplication.translate("Words", "HDL cholesterol"), "LDLコレステロール": QCoreApplication.translate("Words", "LDL cholesterol"),
        "Non-HDLコレステロール": QCoreApplication.translate("Words", "Non-HDL cholesterol"),
        "AST(GOT)": QCoreApplication.translate("Words", "AST (GOT)"), "ALT(GPT)": QCoreApplication.translate("Words", "ALT (GPT)"),
        "γ-GT(γ-GTP)": QCoreApplication.translate("Words", "γ-GT (γ-GTP)"), "血清クレアチニン": QCoreApplication.translate("Words", "Serum creatinine"),
        "eGFR": QCoreApplication.translate("Words", "eGFR"), "血清尿酸": QCoreApplication.translate("Words", "Uric acid"), "空腹時血糖": QCoreApplication.translate("Words", "Fasting glucose"),
        "随時血糖": QCoreApplication.translate("Words", "Non-fasting glucose"), "HbA1c(NGSP値)": QCoreApplication.translate("Words", "HbA1c (NGSP)"),
        "尿糖": QCoreApplication.translate("Words", "Urine glucose"), "尿蛋白": QCoreApplication.translate("Words", "Urine protein"),
        "血色素量(ヘモグロビン値)": QCoreApplication.translate("Words", "Haemoglobin"), "ヘマトクリット値": QCoreApplication.translate("Words", "Haematocrit"),
        "赤血球数": QCoreApplication.translate("Words", "Red blood cells"), "既往歴": QCoreApplication.translate("Words", "Past illnesses"),
        "自覚症状": QCoreApplication.translate("Words", "Symptoms you noticed"), "他覚症状": QCoreApplication.translate("Words", "Findings of the doctor"),
        "服薬1(血圧)": QCoreApplication.translate("Words", "Medicine for blood pressure"),
        "服薬2(血糖)": QCoreApplication.translate("Words", "Medicine for blood glucose"),
        "服薬3(脂質)": QCoreApplication.translate("Words", "Medicine for cholesterol"), "喫煙": QCoreApplication.translate("Words", "Smoking"),
        "飲酒": QCoreApplication.translate("Words", "Drinking"), "飲酒量": QCoreApplication.translate("Words", "Amount of alcohol"),
        "メタボリックシンドローム判定": QCoreApplication.translate("Words", "Metabolic syndrome"),
        "保健指導レベル": QCoreApplication.translate("Words", "Health guidance level"),
        "医師の診断(判定)": QCoreApplication.translate("Words", "Doctor's judgement"),
        "健康診断を実施した医師の氏名": QCoreApplication.translate("Words", "Doctor's name"),
    }


def item_label(name: str) -> str:
    """An item's name for the UI (the table name in ja; English for common items in en)."""
    return _item_names().get(_norm(name), name)


def group_label(group_no: int | None, group_name: str | None) -> str:
    names = {10: QCoreApplication.translate("Words", "Body measurements"), 20: QCoreApplication.translate("Words", "Examination"), 30: QCoreApplication.translate("Words", "Blood pressure"),
             40: QCoreApplication.translate("Words", "Blood sample"), 50: QCoreApplication.translate("Words", "Blood chemistry"), 60: QCoreApplication.translate("Words", "Blood glucose"),
             70: QCoreApplication.translate("Words", "Urine"), 80: QCoreApplication.translate("Words", "Blood count"), 400: QCoreApplication.translate("Words", "Doctor's judgement"),
             500: QCoreApplication.translate("Words", "Questionnaire")}
    if group_no is None:
        return QCoreApplication.translate("Words", "Other items")
    return names.get(group_no, group_name or QCoreApplication.translate("Words", "Other items"))


def status_word(status: str) -> str:
    if status == "not-performed":
        return QCoreApplication.translate("Words", "Not done")
    if status == "unmeasurable":
        return QCoreApplication.translate("Words", "Could not be measured")
    return ""


# -- records and imports ------------------------------------------------------------------


def bp_class_word(category: str) -> str:
    """A JSH2019 blood-pressure class in plain words (the dashboard and the PDF)."""
    return {
        "正常血圧": QCoreApplication.translate("Words", "Normal"),
        "正常高値血圧": QCoreApplication.translate("Words", "Slightly high"),
        "高値血圧": QCoreApplication.translate("Words", "High"),
        "I度高血圧": QCoreApplication.translate("Words", "High blood pressure (grade I)"),
        "II度高血圧": QCoreApplication.translate("Words", "High blood pressure (grade II)"),
        "III度高血圧": QCoreApplication.translate("Words", "High blood pressure (grade III)"),
    }.get(category, category)


def kind_word(kind: str) -> str:
    """A record kind in plain words (RecordKind values)."""
    return {
        "bp": QCoreApplication.translate("Words", "Blood pressure"), "weight": QCoreApplication.translate("Words", "Weight"), "steps": QCoreApplication.translate("Words", "Steps"),
        "labs": QCoreApplication.translate("Words", "Lab results"), "checkups": QCoreApplication.translate("Words", "Checkup results"),
        "medications": QCoreApplication.translate("Words", "Medicines"), "allergies": QCoreApplication.translate("Words", "Allergies"),
        "immunizations": QCoreApplication.translate("Words", "Vaccinations"), "background": QCoreApplication.translate("Words", "Health background"),
        "visits": QCoreApplication.translate("Words", "Follow-up visits"),
    }.get(kind, kind)


def counts_text(counts: dict[str, int]) -> str:
    """``{"checkups": 1, "bp": 3}`` -> "Checkup results: 1, Blood pressure: 3"."""
    parts = [QCoreApplication.translate("Words", "{kind}: {count}").format(kind=kind_word(k), count=n)
             for k, n in sorted(counts.items()) if n]
    return QCoreApplication.translate("Words", ", ").join(parts)


def format_word(slug: str) -> str:
    """An import format in plain words (CONTRACT format slugs)."""
    return {
        "tokutei-cda": QCoreApplication.translate("Words", "Specific health checkup results (特定健診 XML)"),
        "jahis-tc": QCoreApplication.translate("Words", "Medication record (お薬手帳 JAHIS file)"),
        "jahis-qr": QCoreApplication.translate("Words", "Medication record (お薬手帳 QR code)"),
        "kokan-csv": QCoreApplication.translate("Words", "Health data exchange CSV (健康情報等交換規約)"),
        "omron-csv": QCoreApplication.translate("Words", "OMRON connect CSV"),
        "tanita-json": QCoreApplication.translate("Words", "Tanita Health Planet data"),
        "apple-health": QCoreApplication.translate("Words", "Apple Health export"),
        "csv-mapped": QCoreApplication.translate("Words", "CSV file (columns assigned)"),
        "phrapp-csv": QCoreApplication.translate("Words", "phrapp CSV export"),
        "fhir": QCoreApplication.translate("Words", "FHIR file"),
        "phrapp-share": QCoreApplication.translate("Words", "phrapp share package"),
    }.get(slug, slug)


def skip_reason(slug: str) -> str:
    return {
        "probable-duplicate": QCoreApplication.translate("Words", "probably the same reading from another device or app"),
        "older-version": QCoreApplication.translate("Words", "an older version than the one already stored"),
        "invalid-value": QCoreApplication.translate("Words", "a value outside the possible range"),
        "unsupported-member": QCoreApplication.translate("Words", "files in the archive that are not checkup results"),
        "missing-field": QCoreApplication.translate("Words", "a required value is missing"),
        "invalid-date": QCoreApplication.translate("Words", "a date or time that cannot be read"),
        "invalid-zone": QCoreApplication.translate("Words", "an unknown time zone"),
        "invalid-entry": QCoreApplication.translate("Words", "an entry that cannot be read"),
        "conflicting-entry": QCoreApplication.translate("Words", "entries that contradict each other"),
        "incomplete-bp": QCoreApplication.translate("Words", "a blood pressure without both values"),
        "incomplete-weight": QCoreApplication.translate("Words", "a weighing without a value"),
        "incomplete-steps": QCoreApplication.translate("Words", "a step count without a value"),
        "no-weight": QCoreApplication.translate("Words", "body composition without a weight"),
        "no-steps": QCoreApplication.translate("Words", "a day without a step count"),
        "bp-correlation-copy": QCoreApplication.translate("Words", "copies of blood pressure values already counted"),
        "body-fat-without-weight": QCoreApplication.translate("Words", "body fat without a weight at the same time"),
        "unsupported-type": QCoreApplication.translate("Words", "kinds of data phrapp does not keep"),
        "unsupported-unit": QCoreApplication.translate("Words", "a unit phrapp cannot convert"),
        "workout": QCoreApplication.translate("Words", "workouts"),
        "activity-summary": QCoreApplication.translate("Words", "activity summaries"),
        "clinical-record": QCoreApplication.translate("Words", "clinical records"),
        "entered-in-error": QCoreApplication.translate("Words", "entries marked as entered in error"),
        "not-final": QCoreApplication.translate("Words", "results that are not final"),
        "not-completed": QCoreApplication.translate("Words", "records that are not completed"),
        "unsupported-observation": QCoreApplication.translate("Words", "observations phrapp does not keep"),
        "unsupported-tag": QCoreApplication.translate("Words", "measurements phrapp does not keep"),
        "block-without-drugs": QCoreApplication.translate("Words", "a dispensing without medicines"),
        "otc-without-name": QCoreApplication.translate("Words", "an OTC medicine without a name"),
        "otc-without-date": QCoreApplication.translate("Words", "an OTC medicine without a date"),
        "empty-note": QCoreApplication.translate("Words", "empty notes"),
    }.get(slug, slug)
