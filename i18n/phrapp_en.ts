<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="en">
<context>
    <name>AllergyDialog</name>
    <message>
        <source>Add an allergy or adverse reaction</source>
        <translation>Add an allergy or adverse reaction</translation>
    </message>
    <message>
        <source>Edit an allergy or adverse reaction</source>
        <translation>Edit an allergy or adverse reaction</translation>
    </message>
    <message>
        <source>e.g. ペニシリン系で発疹</source>
        <translation>e.g. ペニシリン系で発疹</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Kind</translation>
    </message>
    <message>
        <source>What happened</source>
        <translation>What happened</translation>
    </message>
    <message>
        <source>Noted on</source>
        <translation>Noted on</translation>
    </message>
    <message>
        <source>Describe the allergy or reaction.</source>
        <translation>Describe the allergy or reaction.</translation>
    </message>
</context>
<context>
    <name>BackgroundDialog</name>
    <message>
        <source>Health questions</source>
        <translation>Health questions</translation>
    </message>
    <message>
        <source>Your answers are used for the 10-year risk and the checkup rules. Leave a question unanswered if you are not sure.</source>
        <translation>Your answers are used for the 10-year risk and the checkup rules. Leave a question unanswered if you are not sure.</translation>
    </message>
    <message>
        <source>Not answered</source>
        <translation>Not answered</translation>
    </message>
    <message>
        <source>I smoke</source>
        <translation>I smoke</translation>
    </message>
    <message>
        <source>I used to smoke</source>
        <translation>I used to smoke</translation>
    </message>
    <message>
        <source>I have never smoked</source>
        <translation>I have never smoked</translation>
    </message>
    <message>
        <source>Smoking</source>
        <translation>Smoking</translation>
    </message>
    <message>
        <source>Taking medicine for blood pressure</source>
        <translation>Taking medicine for blood pressure</translation>
    </message>
    <message>
        <source>Taking medicine for blood sugar</source>
        <translation>Taking medicine for blood sugar</translation>
    </message>
    <message>
        <source>Taking medicine for cholesterol</source>
        <translation>Taking medicine for cholesterol</translation>
    </message>
    <message>
        <source>Told by a doctor that you have diabetes</source>
        <translation>Told by a doctor that you have diabetes</translation>
    </message>
    <message>
        <source>Told by a doctor that you have chronic kidney disease</source>
        <translation>Told by a doctor that you have chronic kidney disease</translation>
    </message>
    <message>
        <source>Told by a doctor that you have peripheral artery disease</source>
        <translation>Told by a doctor that you have peripheral artery disease</translation>
    </message>
    <message>
        <source>Have had a heart attack, angina or a stroke</source>
        <translation>Have had a heart attack, angina or a stroke</translation>
    </message>
    <message>
        <source>A parent or sibling had early heart disease</source>
        <translation>A parent or sibling had early heart disease</translation>
    </message>
    <message>
        <source>Yes</source>
        <translation>Yes</translation>
    </message>
    <message>
        <source>No</source>
        <translation>No</translation>
    </message>
</context>
<context>
    <name>Banner</name>
    <message>
        <source>Details</source>
        <translation>Details</translation>
    </message>
</context>
<context>
    <name>BpChart</name>
    <message>
        <source>Systolic</source>
        <translation>Systolic</translation>
    </message>
    <message>
        <source>Diastolic</source>
        <translation>Diastolic</translation>
    </message>
    <message>
        <source>Morning</source>
        <translation>Morning</translation>
    </message>
    <message>
        <source>Evening</source>
        <translation>Evening</translation>
    </message>
    <message>
        <source>Other time</source>
        <translation>Other time</translation>
    </message>
    <message>
        <source>Thick lines: weekly mean</source>
        <translation>Thick lines: weekly mean</translation>
    </message>
    <message>
        <source>Home BP threshold {sys}/{dia}</source>
        <translation>Home BP threshold {sys}/{dia}</translation>
    </message>
    <message>
        <source>Target {sys}/{dia} (JSH2025)</source>
        <translation>Target {sys}/{dia} (JSH2025)</translation>
    </message>
    <message>
        <source>{sys}/{dia} mmHg</source>
        <translation>{sys}/{dia} mmHg</translation>
    </message>
    <message>
        <source>Pulse {pulse} /min</source>
        <translation>Pulse {pulse} /min</translation>
    </message>
</context>
<context>
    <name>BpDialog</name>
    <message>
        <source>Add a blood pressure reading</source>
        <translation>Add a blood pressure reading</translation>
    </message>
    <message>
        <source>Edit a blood pressure reading</source>
        <translation>Edit a blood pressure reading</translation>
    </message>
    <message>
        <source>not entered</source>
        <translation>not entered</translation>
    </message>
    <message>
        <source> /min</source>
        <translation> /min</translation>
    </message>
    <message>
        <source>From the time</source>
        <translation>From the time</translation>
    </message>
    <message>
        <source>Morning</source>
        <translation>Morning</translation>
    </message>
    <message>
        <source>Evening</source>
        <translation>Evening</translation>
    </message>
    <message>
        <source>Other</source>
        <translation>Other</translation>
    </message>
    <message>
        <source>The monitor showed an irregular heartbeat</source>
        <translation>The monitor showed an irregular heartbeat</translation>
    </message>
    <message>
        <source>Systolic</source>
        <translation>Systolic</translation>
    </message>
    <message>
        <source>Diastolic</source>
        <translation>Diastolic</translation>
    </message>
    <message>
        <source>Pulse</source>
        <translation>Pulse</translation>
    </message>
    <message>
        <source>Morning / evening</source>
        <translation>Morning / evening</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Note</translation>
    </message>
    <message>
        <source>Date and time</source>
        <translation>Date and time</translation>
    </message>
</context>
<context>
    <name>BpPage</name>
    <message>
        <source>Blood pressure</source>
        <translation>Blood pressure</translation>
    </message>
    <message>
        <source>No blood pressure readings yet</source>
        <translation>No blood pressure readings yet</translation>
    </message>
    <message>
        <source>Record your home blood pressure in the morning and evening. The chart and the 7-day average appear here.</source>
        <translation>Record your home blood pressure in the morning and evening. The chart and the 7-day average appear here.</translation>
    </message>
    <message>
        <source>Latest reading</source>
        <translation>Latest reading</translation>
    </message>
    <message>
        <source>7-day average</source>
        <translation>7-day average</translation>
    </message>
    <message>
        <source>Readings in 7 days</source>
        <translation>Readings in 7 days</translation>
    </message>
    <message>
        <source>Date and time</source>
        <translation>Date and time</translation>
    </message>
    <message>
        <source>Morning / evening</source>
        <translation>Morning / evening</translation>
    </message>
    <message>
        <source>Systolic (mmHg)</source>
        <translation>Systolic (mmHg)</translation>
    </message>
    <message>
        <source>Diastolic (mmHg)</source>
        <translation>Diastolic (mmHg)</translation>
    </message>
    <message>
        <source>Pulse (/min)</source>
        <translation>Pulse (/min)</translation>
    </message>
    <message>
        <source>Irregular pulse</source>
        <translation>Irregular pulse</translation>
    </message>
    <message>
        <source>Yes</source>
        <translation>Yes</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>Source</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Note</translation>
    </message>
    <message>
        <source>{sys}/{dia} mmHg</source>
        <translation>{sys}/{dia} mmHg</translation>
    </message>
    <message>
        <source>No readings in the last 7 days</source>
        <translation>No readings in the last 7 days</translation>
    </message>
    <message>
        <source>{count} readings</source>
        <translation>{count} readings</translation>
    </message>
    <message>
        <source>{total} readings in all</source>
        <translation>{total} readings in all</translation>
    </message>
</context>
<context>
    <name>Changes</name>
    <message>
        <source>Saved. A value is unusual; please check it.</source>
        <translation>Saved. A value is unusual; please check it.</translation>
    </message>
    <message>
        <source>Add record</source>
        <translation>Add record</translation>
    </message>
    <message>
        <source>Edit record</source>
        <translation>Edit record</translation>
    </message>
    <message>
        <source>Delete {count} record(s)</source>
        <translation>Delete {count} record(s)</translation>
    </message>
    <message>
        <source>Deleted {count} record(s). Press Ctrl+Z to undo.</source>
        <translation>Deleted {count} record(s). Press Ctrl+Z to undo.</translation>
    </message>
    <message>
        <source>Change goals</source>
        <translation>Change goals</translation>
    </message>
</context>
<context>
    <name>Charts</name>
    <message>
        <source>Entered by hand</source>
        <translation>Entered by hand</translation>
    </message>
    <message>
        <source>Device</source>
        <translation>Device</translation>
    </message>
    <message>
        <source>Device value corrected</source>
        <translation>Device value corrected</translation>
    </message>
    <message>
        <source>Checkup</source>
        <translation>Checkup</translation>
    </message>
    <message>
        <source>Imported</source>
        <translation>Imported</translation>
    </message>
</context>
<context>
    <name>CheckupEntry</name>
    <message>
        <source>Body measurements</source>
        <translation>Body measurements</translation>
    </message>
    <message>
        <source>Blood pressure</source>
        <translation>Blood pressure</translation>
    </message>
    <message>
        <source>Lipids</source>
        <translation>Lipids</translation>
    </message>
    <message>
        <source>Liver</source>
        <translation>Liver</translation>
    </message>
    <message>
        <source>Blood glucose</source>
        <translation>Blood glucose</translation>
    </message>
    <message>
        <source>Kidneys</source>
        <translation>Kidneys</translation>
    </message>
    <message>
        <source>Urine</source>
        <translation>Urine</translation>
    </message>
    <message>
        <source>Doctor's judgement</source>
        <translation>Doctor's judgement</translation>
    </message>
</context>
<context>
    <name>CheckupEntryDialog</name>
    <message>
        <source>Enter a checkup by hand</source>
        <translation>Enter a checkup by hand</translation>
    </message>
    <message>
        <source>Copy the values from your paper report. Leave empty what your report does not show; you can save with only a few values.</source>
        <translation>Copy the values from your paper report. Leave empty what your report does not show; you can save with only a few values.</translation>
    </message>
    <message>
        <source>e.g. the name on the report's letterhead</source>
        <translation>e.g. the name on the report's letterhead</translation>
    </message>
    <message>
        <source>Exam date</source>
        <translation>Exam date</translation>
    </message>
    <message>
        <source>Facility</source>
        <translation>Facility</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Save</translation>
    </message>
    <message>
        <source>Choose one of the values in the list.</source>
        <translation>Choose one of the values in the list.</translation>
    </message>
    <message>
        <source>Enter a number of 0 or more.</source>
        <translation>Enter a number of 0 or more.</translation>
    </message>
    <message>
        <source>Enter a number, as on the report (format {pattern}).</source>
        <translation>Enter a number, as on the report (format {pattern}).</translation>
    </message>
    <message>
        <source>This value cannot be read.</source>
        <translation>This value cannot be read.</translation>
    </message>
    <message>
        <source>Please correct the marked values.</source>
        <translation>Please correct the marked values.</translation>
    </message>
    <message>
        <source>Enter at least one value from the report.</source>
        <translation>Enter at least one value from the report.</translation>
    </message>
    <message>
        <source>The exam date is in the future.</source>
        <translation>The exam date is in the future.</translation>
    </message>
    <message>
        <source>A value cannot be stored. Check the numbers.</source>
        <translation>A value cannot be stored. Check the numbers.</translation>
    </message>
</context>
<context>
    <name>CheckupGridModel</name>
    <message>
        <source>Metabolic syndrome</source>
        <translation>Metabolic syndrome</translation>
    </message>
    <message>
        <source>Health guidance level</source>
        <translation>Health guidance level</translation>
    </message>
    <message>
        <source>Doctor's judgement</source>
        <translation>Doctor's judgement</translation>
    </message>
    <message>
        <source>Doctor: {name}</source>
        <translation>Doctor: {name}</translation>
    </message>
    <message>
        <source>Reference only: this threshold is not confirmed.</source>
        <translation>Reference only: this threshold is not confirmed.</translation>
    </message>
    <message>
        <source>Item</source>
        <translation>Item</translation>
    </message>
    <message>
        <source>Entered by hand</source>
        <translation>Entered by hand</translation>
    </message>
</context>
<context>
    <name>CheckupItemChart</name>
    <message>
        <source>Your value at each exam</source>
        <translation>Your value at each exam</translation>
    </message>
    <message>
        <source>Lab tests (not checkups)</source>
        <translation>Lab tests (not checkups)</translation>
    </message>
</context>
<context>
    <name>CheckupsPage</name>
    <message>
        <source>from an imported file</source>
        <translation>from an imported file</translation>
    </message>
    <message>
        <source>Checkup results</source>
        <translation>Checkup results</translation>
    </message>
    <message>
        <source>Import from a file</source>
        <translation>Import from a file</translation>
    </message>
    <message>
        <source>Add a lab value…</source>
        <translation>Add a lab value…</translation>
    </message>
    <message>
        <source>A blood test done between checkups, e.g. HbA1c at your clinic</source>
        <translation>A blood test done between checkups, e.g. HbA1c at your clinic</translation>
    </message>
    <message>
        <source>Enter by hand</source>
        <translation>Enter by hand</translation>
    </message>
    <message>
        <source>No checkup results yet</source>
        <translation>No checkup results yet</translation>
    </message>
    <message>
        <source>Your yearly checkups (特定健診) appear here side by side, each value marked against the guideline's thresholds. Import the result file from マイナポータル or your health insurer, or type in a paper report.</source>
        <translation>Your yearly checkups (特定健診) appear here side by side, each value marked against the guideline's thresholds. Import the result file from マイナポータル or your health insurer, or type in a paper report.</translation>
    </message>
    <message>
        <source>Why? Details of the selected value</source>
        <translation>Why? Details of the selected value</translation>
    </message>
    <message>
        <source>Undo</source>
        <translation>Undo</translation>
    </message>
    <message>
        <source>Undo the last change (Ctrl+Z)</source>
        <translation>Undo the last change (Ctrl+Z)</translation>
    </message>
    <message>
        <source>Delete this exam</source>
        <translation>Delete this exam</translation>
    </message>
    <message>
        <source>Delete the exam of the selected column (you can undo)</source>
        <translation>Delete the exam of the selected column (you can undo)</translation>
    </message>
    <message>
        <source>{count} exams</source>
        <translation>{count} exams</translation>
    </message>
    <message>
        <source>{count} lab values between checkups</source>
        <translation>{count} lab values between checkups</translation>
    </message>
    <message>
        <source>This exam has no value for this item.</source>
        <translation>This exam has no value for this item.</translation>
    </message>
    <message>
        <source>phrapp has no threshold for this item. See the comment on your report.</source>
        <translation>phrapp has no threshold for this item. See the comment on your report.</translation>
    </message>
    <message>
        <source>Guidance threshold: {limit}</source>
        <translation>Guidance threshold: {limit}</translation>
    </message>
    <message>
        <source>Referral threshold: {limit}</source>
        <translation>Referral threshold: {limit}</translation>
    </message>
    <message>
        <source>Source: {source}</source>
        <translation>Source: {source}</translation>
    </message>
    <message>
        <source>Reference only (参考): this threshold could not be confirmed in the current guideline ({note}).</source>
        <translation>Reference only (参考): this threshold could not be confirmed in the current guideline ({note}).</translation>
    </message>
    <message>
        <source>Item code</source>
        <translation>Item code</translation>
    </message>
    <message>
        <source>Method</source>
        <translation>Method</translation>
    </message>
    <message>
        <source>Value as written</source>
        <translation>Value as written</translation>
    </message>
    <message>
        <source>The report's own mark</source>
        <translation>The report's own mark</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Not stated in this exam.</source>
        <translation>Not stated in this exam.</translation>
    </message>
    <message>
        <source>Metabolic syndrome</source>
        <translation>Metabolic syndrome</translation>
    </message>
    <message>
        <source>As judged by the checkup centre from waist, blood pressure, lipids and blood glucose.</source>
        <translation>As judged by the checkup centre from waist, blood pressure, lipids and blood glucose.</translation>
    </message>
    <message>
        <source>Health guidance level</source>
        <translation>Health guidance level</translation>
    </message>
    <message>
        <source>The specific health guidance (特定保健指導) your insurer offers after this exam.</source>
        <translation>The specific health guidance (特定保健指導) your insurer offers after this exam.</translation>
    </message>
    <message>
        <source>Doctor's judgement</source>
        <translation>Doctor's judgement</translation>
    </message>
    <message>
        <source>Doctor: {name}</source>
        <translation>Doctor: {name}</translation>
    </message>
    <message>
        <source>Lab values between checkups</source>
        <translation>Lab values between checkups</translation>
    </message>
    <message>
        <source>{count} value(s) in another unit ({units}) are not drawn: the chart shows {unit}, and phrapp never converts units.</source>
        <translation>{count} value(s) in another unit ({units}) are not drawn: the chart shows {unit}, and phrapp never converts units.</translation>
    </message>
    <message>
        <source>facility not recorded</source>
        <translation>facility not recorded</translation>
    </message>
    <message>
        <source>History: {item}</source>
        <translation>History: {item}</translation>
    </message>
    <message>
        <source>Lab test (not a checkup)</source>
        <translation>Lab test (not a checkup)</translation>
    </message>
    <message>
        <source>Checkups</source>
        <translation>Checkups</translation>
    </message>
    <message>
        <source>Lab tests (not checkups)</source>
        <translation>Lab tests (not checkups)</translation>
    </message>
    <message>
        <source>Guidance threshold {limit}</source>
        <translation>Guidance threshold {limit}</translation>
    </message>
    <message>
        <source>Referral threshold {limit}</source>
        <translation>Referral threshold {limit}</translation>
    </message>
</context>
<context>
    <name>ClinicWindow</name>
    <message>
        <source>File from a patient</source>
        <translation>File from a patient</translation>
    </message>
    <message>
        <source>Open a file…</source>
        <translation>Open a file…</translation>
    </message>
    <message>
        <source>Save FHIR/CSV…</source>
        <translation>Save FHIR/CSV…</translation>
    </message>
    <message>
        <source>Write FHIR and CSV files for your own system into a folder you choose</source>
        <translation>Write FHIR and CSV files for your own system into a folder you choose</translation>
    </message>
    <message>
        <source>No file is open.</source>
        <translation>No file is open.</translation>
    </message>
    <message>
        <source>Problems found in the file</source>
        <translation>Problems found in the file</translation>
    </message>
    <message>
        <source>Where</source>
        <translation>Where</translation>
    </message>
    <message>
        <source>Problem</source>
        <translation>Problem</translation>
    </message>
    <message>
        <source>Summary</source>
        <translation>Summary</translation>
    </message>
    <message>
        <source>Patient</source>
        <translation>Patient</translation>
    </message>
    <message>
        <source>Born / sex</source>
        <translation>Born / sex</translation>
    </message>
    <message>
        <source>Period covered</source>
        <translation>Period covered</translation>
    </message>
    <message>
        <source>Contents</source>
        <translation>Contents</translation>
    </message>
    <message>
        <source>Latest blood pressure</source>
        <translation>Latest blood pressure</translation>
    </message>
    <message>
        <source>Latest weight</source>
        <translation>Latest weight</translation>
    </message>
    <message>
        <source>Latest steps</source>
        <translation>Latest steps</translation>
    </message>
    <message>
        <source>Home BP (last 14 days)</source>
        <translation>Home BP (last 14 days)</translation>
    </message>
    <message>
        <source>Medicines</source>
        <translation>Medicines</translation>
    </message>
    <message>
        <source>Medicine</source>
        <translation>Medicine</translation>
    </message>
    <message>
        <source>Code</source>
        <translation>Code</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Vaccinations</source>
        <translation>Vaccinations</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>Date</translation>
    </message>
    <message>
        <source>Vaccine</source>
        <translation>Vaccine</translation>
    </message>
    <message>
        <source>Lot</source>
        <translation>Lot</translation>
    </message>
    <message>
        <source>Checkups</source>
        <translation>Checkups</translation>
    </message>
    <message>
        <source>Flagged items</source>
        <translation>Flagged items</translation>
    </message>
    <message>
        <source>Open a file from a patient</source>
        <translation>Open a file from a patient</translation>
    </message>
    <message>
        <source>Health files (*.phrapp *.json *.xml *.zip *.txt *.dat);;All files (*)</source>
        <translation>Health files (*.phrapp *.json *.xml *.zip *.txt *.dat);;All files (*)</translation>
    </message>
    <message>
        <source>Not opened: no passphrase was entered.</source>
        <translation>Not opened: no passphrase was entered.</translation>
    </message>
    <message>
        <source>File: {name}</source>
        <translation>File: {name}</translation>
    </message>
    <message>
        <source>Opening and checking the file…</source>
        <translation>Opening and checking the file…</translation>
    </message>
    <message>
        <source>The file could not be opened.</source>
        <translation>The file could not be opened.</translation>
    </message>
    <message>
        <source>Opening {name}…</source>
        <translation>Opening {name}…</translation>
    </message>
    <message>
        <source>Valid: {kind}</source>
        <translation>Valid: {kind}</translation>
    </message>
    <message>
        <source>The file passed the checks. Nothing has been saved on this computer.</source>
        <translation>The file passed the checks. Nothing has been saved on this computer.</translation>
    </message>
    <message>
        <source>Not valid: {kind}</source>
        <translation>Not valid: {kind}</translation>
    </message>
    <message>
        <source>The file did not pass the checks; the problems are listed below. Ask the patient for a new copy. The summary shows what could be read.</source>
        <translation>The file did not pass the checks; the problems are listed below. Ask the patient for a new copy. The summary shows what could be read.</translation>
    </message>
    <message>
        <source>(no name in the file)</source>
        <translation>(no name in the file)</translation>
    </message>
    <message>
        <source>male</source>
        <translation>male</translation>
    </message>
    <message>
        <source>female</source>
        <translation>female</translation>
    </message>
    <message>
        <source>{start} to {end}</source>
        <translation>{start} to {end}</translation>
    </message>
    <message>
        <source>{kind}: {count}</source>
        <translation>{kind}: {count}</translation>
    </message>
    <message>
        <source>{sbp}/{dbp} mmHg ({when})</source>
        <translation>{sbp}/{dbp} mmHg ({when})</translation>
    </message>
    <message>
        <source>{kg} kg ({when})</source>
        <translation>{kg} kg ({when})</translation>
    </message>
    <message>
        <source>{steps} steps ({when})</source>
        <translation>{steps} steps ({when})</translation>
    </message>
    <message>
        <source>Morning</source>
        <translation>Morning</translation>
    </message>
    <message>
        <source>Evening</source>
        <translation>Evening</translation>
    </message>
    <message>
        <source>{slot}: {sbp}/{dbp} mmHg over {days} days</source>
        <translation>{slot}: {sbp}/{dbp} mmHg over {days} days</translation>
    </message>
    <message>
        <source>{slot}: not enough readings</source>
        <translation>{slot}: not enough readings</translation>
    </message>
    <message>
        <source>Class: {category}</source>
        <translation>Class: {category}</translation>
    </message>
    <message>
        <source>Choose a folder for the FHIR and CSV files</source>
        <translation>Choose a folder for the FHIR and CSV files</translation>
    </message>
    <message>
        <source>Saved {count} file(s) in {folder}: {names}</source>
        <translation>Saved {count} file(s) in {folder}: {names}</translation>
    </message>
    <message>
        <source>Nothing was saved. {why}</source>
        <translation>Nothing was saved. {why}</translation>
    </message>
    <message>
        <source>Saving…</source>
        <translation>Saving…</translation>
    </message>
</context>
<context>
    <name>ClinicWords</name>
    <message>
        <source>FHIR file from phrapp</source>
        <translation>FHIR file from phrapp</translation>
    </message>
    <message>
        <source>FHIR file (JP Core)</source>
        <translation>FHIR file (JP Core)</translation>
    </message>
    <message>
        <source>FHIR file (JP-CLINS)</source>
        <translation>FHIR file (JP-CLINS)</translation>
    </message>
    <message>
        <source>checkup report (FHIR eCheckup)</source>
        <translation>checkup report (FHIR eCheckup)</translation>
    </message>
    <message>
        <source>specific health checkup (特定健診 XML)</source>
        <translation>specific health checkup (特定健診 XML)</translation>
    </message>
    <message>
        <source>medication record (JAHIS)</source>
        <translation>medication record (JAHIS)</translation>
    </message>
    <message>
        <source>encrypted share file from phrapp</source>
        <translation>encrypted share file from phrapp</translation>
    </message>
    <message>
        <source>unknown format</source>
        <translation>unknown format</translation>
    </message>
    <message>
        <source>taking</source>
        <translation>taking</translation>
    </message>
    <message>
        <source>finished</source>
        <translation>finished</translation>
    </message>
    <message>
        <source>stopped</source>
        <translation>stopped</translation>
    </message>
    <message>
        <source>planned</source>
        <translation>planned</translation>
    </message>
</context>
<context>
    <name>ConfirmExportDialog</name>
    <message>
        <source>Check what will be exported</source>
        <translation>Check what will be exported</translation>
    </message>
    <message>
        <source>This will leave phrapp:</source>
        <translation>This will leave phrapp:</translation>
    </message>
    <message>
        <source>Person: {name}</source>
        <translation>Person: {name}</translation>
    </message>
    <message>
        <source>Format: {format}</source>
        <translation>Format: {format}</translation>
    </message>
    <message>
        <source>Period: {period}</source>
        <translation>Period: {period}</translation>
    </message>
    <message>
        <source>Records:</source>
        <translation>Records:</translation>
    </message>
    <message>
        <source>{kind}: {count}</source>
        <translation>{kind}: {count}</translation>
    </message>
    <message>
        <source>In total: {count} records</source>
        <translation>In total: {count} records</translation>
    </message>
    <message>
        <source>Notes for the doctor</source>
        <translation>Notes for the doctor</translation>
    </message>
    <message>
        <source>Note for the recipient</source>
        <translation>Note for the recipient</translation>
    </message>
    <message>
        <source>(none)</source>
        <translation>(none)</translation>
    </message>
    <message>
        <source>Checkup files are generated anew (stored original files are not used).</source>
        <translation>Checkup files are generated anew (stored original files are not used).</translation>
    </message>
    <message>
        <source>This format is not encrypted: anyone who gets the file can read these health records. Keep it safe and do not send it by ordinary e-mail. To give your records to a clinic, the encrypted share file is safer.</source>
        <translation>This format is not encrypted: anyone who gets the file can read these health records. Keep it safe and do not send it by ordinary e-mail. To give your records to a clinic, the encrypted share file is safer.</translation>
    </message>
    <message>
        <source>The file is encrypted. You will get a one-time passphrase to tell the recipient separately, by phone or in person.</source>
        <translation>The file is encrypted. You will get a one-time passphrase to tell the recipient separately, by phone or in person.</translation>
    </message>
    <message>
        <source>There is nothing to export for this person, period and kinds.</source>
        <translation>There is nothing to export for this person, period and kinds.</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>Export without encryption…</source>
        <translation>Export without encryption…</translation>
    </message>
    <message>
        <source>Create the encrypted file…</source>
        <translation>Create the encrypted file…</translation>
    </message>
</context>
<context>
    <name>ConfirmUndoDialog</name>
    <message>
        <source>Undo an import</source>
        <translation>Undo an import</translation>
    </message>
    <message>
        <source>Undo the import of {when}?</source>
        <translation>Undo the import of {when}?</translation>
    </message>
    <message>
        <source>Files: {files}</source>
        <translation>Files: {files}</translation>
    </message>
    <message>
        <source>These records it added will be removed: {counts}.</source>
        <translation>These records it added will be removed: {counts}.</translation>
    </message>
    <message>
        <source>These records it updated get their earlier values back: {counts}.</source>
        <translation>These records it updated get their earlier values back: {counts}.</translation>
    </message>
    <message>
        <source>These people it created will be removed: {names}.</source>
        <translation>These people it created will be removed: {names}.</translation>
    </message>
    <message>
        <source>Nothing else changes. Records you entered yourself stay.</source>
        <translation>Nothing else changes. Records you entered yourself stay.</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>Undo the import</source>
        <translation>Undo the import</translation>
    </message>
</context>
<context>
    <name>CsvMappingDialog</name>
    <message>
        <source>Assign columns</source>
        <translation>Assign columns</translation>
    </message>
    <message>
        <source>Which column holds what in “{file}”?</source>
        <translation>Which column holds what in “{file}”?</translation>
    </message>
    <message>
        <source>Choose what each column holds. The table on the right shows the first rows as phrapp will store them; nothing is stored before you confirm the import.</source>
        <translation>Choose what each column holds. The table on the right shows the first rows as phrapp will store them; nothing is stored before you confirm the import.</translation>
    </message>
    <message>
        <source>The first rows of the file</source>
        <translation>The first rows of the file</translation>
    </message>
    <message>
        <source>Preview: the first rows as they will be stored</source>
        <translation>Preview: the first rows as they will be stored</translation>
    </message>
    <message>
        <source>Preview of the values to import</source>
        <translation>Preview of the values to import</translation>
    </message>
    <message>
        <source>The file</source>
        <translation>The file</translation>
    </message>
    <message>
        <source>Automatic</source>
        <translation>Automatic</translation>
    </message>
    <message>
        <source>&amp;Encoding</source>
        <translation>&amp;Encoding</translation>
    </message>
    <message>
        <source>Comma (,)</source>
        <translation>Comma (,)</translation>
    </message>
    <message>
        <source>Tab</source>
        <translation>Tab</translation>
    </message>
    <message>
        <source>Semicolon (;)</source>
        <translation>Semicolon (;)</translation>
    </message>
    <message>
        <source>&amp;Delimiter</source>
        <translation>&amp;Delimiter</translation>
    </message>
    <message>
        <source>&amp;Header row</source>
        <translation>&amp;Header row</translation>
    </message>
    <message>
        <source>The file has a header row</source>
        <translation>The file has a header row</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>Date</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>Time</translation>
    </message>
    <message>
        <source>Systolic</source>
        <translation>Systolic</translation>
    </message>
    <message>
        <source>Diastolic</source>
        <translation>Diastolic</translation>
    </message>
    <message>
        <source>Pulse</source>
        <translation>Pulse</translation>
    </message>
    <message>
        <source>Weight</source>
        <translation>Weight</translation>
    </message>
    <message>
        <source>Body fat %</source>
        <translation>Body fat %</translation>
    </message>
    <message>
        <source>Steps</source>
        <translation>Steps</translation>
    </message>
    <message>
        <source>Blood glucose</source>
        <translation>Blood glucose</translation>
    </message>
    <message>
        <source>What the columns hold</source>
        <translation>What the columns hold</translation>
    </message>
    <message>
        <source>Blood pressure</source>
        <translation>Blood pressure</translation>
    </message>
    <message>
        <source>&amp;Records</source>
        <translation>&amp;Records</translation>
    </message>
    <message>
        <source>Date &amp;format</source>
        <translation>Date &amp;format</translation>
    </message>
    <message>
        <source>Home time zone ({zone})</source>
        <translation>Home time zone ({zone})</translation>
    </message>
    <message>
        <source>Time &amp;zone</source>
        <translation>Time &amp;zone</translation>
    </message>
    <message>
        <source>lb (pounds)</source>
        <translation>lb (pounds)</translation>
    </message>
    <message>
        <source>&amp;Unit</source>
        <translation>&amp;Unit</translation>
    </message>
    <message>
        <source>Fasting</source>
        <translation>Fasting</translation>
    </message>
    <message>
        <source>Random (not fasting)</source>
        <translation>Random (not fasting)</translation>
    </message>
    <message>
        <source>&amp;Glucose measured</source>
        <translation>&amp;Glucose measured</translation>
    </message>
    <message>
        <source>Automatic (year first, or ISO 8601)</source>
        <translation>Automatic (year first, or ISO 8601)</translation>
    </message>
    <message>
        <source>02/01/2024 (day/month/year)</source>
        <translation>02/01/2024 (day/month/year)</translation>
    </message>
    <message>
        <source>01/02/2024 (month/day/year)</source>
        <translation>01/02/2024 (month/day/year)</translation>
    </message>
    <message>
        <source>&amp;Save this assignment as</source>
        <translation>&amp;Save this assignment as</translation>
    </message>
    <message>
        <source>Name of the saved assignment</source>
        <translation>Name of the saved assignment</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>Continue to import</source>
        <translation>Continue to import</translation>
    </message>
    <message>
        <source>The file cannot be read with this encoding. Choose another encoding.</source>
        <translation>The file cannot be read with this encoding. Choose another encoding.</translation>
    </message>
    <message>
        <source>Column {n}: {name}</source>
        <translation>Column {n}: {name}</translation>
    </message>
    <message>
        <source>Column {n}</source>
        <translation>Column {n}</translation>
    </message>
    <message>
        <source>(in the date column)</source>
        <translation>(in the date column)</translation>
    </message>
    <message>
        <source>(none)</source>
        <translation>(none)</translation>
    </message>
    <message>
        <source>(choose a column)</source>
        <translation>(choose a column)</translation>
    </message>
    <message>
        <source>Line</source>
        <translation>Line</translation>
    </message>
    <message>
        <source>Date and time</source>
        <translation>Date and time</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>Result</translation>
    </message>
    <message>
        <source>OK</source>
        <translation>OK</translation>
    </message>
    <message>
        <source>Choose a column for each value marked “(choose a column)”.</source>
        <translation>Choose a column for each value marked “(choose a column)”.</translation>
    </message>
    <message>
        <source>No rows to show: check the header row.</source>
        <translation>No rows to show: check the header row.</translation>
    </message>
    <message>
        <source>{good} of the first {count} rows can be imported.</source>
        <translation>{good} of the first {count} rows can be imported.</translation>
    </message>
    <message>
        <source>{date} (time unknown)</source>
        <translation>{date} (time unknown)</translation>
    </message>
    <message>
        <source>Not imported: {field} is empty</source>
        <translation>Not imported: {field} is empty</translation>
    </message>
    <message>
        <source>Not imported: the date or time cannot be read in the chosen format</source>
        <translation>Not imported: the date or time cannot be read in the chosen format</translation>
    </message>
    <message>
        <source>Not imported: unknown time zone</source>
        <translation>Not imported: unknown time zone</translation>
    </message>
    <message>
        <source>Not imported: {field} is not a number in the possible range</source>
        <translation>Not imported: {field} is not a number in the possible range</translation>
    </message>
</context>
<context>
    <name>DashboardCard</name>
    <message>
        <source>Why?</source>
        <translation>Why?</translation>
    </message>
    <message>
        <source>Which values, period, rule and guideline were used</source>
        <translation>Which values, period, rule and guideline were used</translation>
    </message>
</context>
<context>
    <name>DashboardPage</name>
    <message>
        <source>Overview</source>
        <translation>Overview</translation>
    </message>
    <message>
        <source>Home blood pressure</source>
        <translation>Home blood pressure</translation>
    </message>
    <message>
        <source>Weight</source>
        <translation>Weight</translation>
    </message>
    <message>
        <source>Steps</source>
        <translation>Steps</translation>
    </message>
    <message>
        <source>Latest checkup</source>
        <translation>Latest checkup</translation>
    </message>
    <message>
        <source>10-year risk</source>
        <translation>10-year risk</translation>
    </message>
    <message>
        <source>Medicines taken now</source>
        <translation>Medicines taken now</translation>
    </message>
    <message>
        <source>Reminders</source>
        <translation>Reminders</translation>
    </message>
    <message>
        <source>Open blood pressure</source>
        <translation>Open blood pressure</translation>
    </message>
    <message>
        <source>Open weight</source>
        <translation>Open weight</translation>
    </message>
    <message>
        <source>Open steps</source>
        <translation>Open steps</translation>
    </message>
    <message>
        <source>Open checkups</source>
        <translation>Open checkups</translation>
    </message>
    <message>
        <source>Open medicines</source>
        <translation>Open medicines</translation>
    </message>
    <message>
        <source>Goals…</source>
        <translation>Goals…</translation>
    </message>
    <message>
        <source>Health questions…</source>
        <translation>Health questions…</translation>
    </message>
    <message>
        <source>This page summarises your records; it is not a diagnosis. If a value worries you, please ask your doctor.</source>
        <translation>This page summarises your records; it is not a diagnosis. If a value worries you, please ask your doctor.</translation>
    </message>
    <message>
        <source>Overview for {name}</source>
        <translation>Overview for {name}</translation>
    </message>
    <message>
        <source>Today: {date}</source>
        <translation>Today: {date}</translation>
    </message>
    <message>
        <source>(reference: not every source confirms this)</source>
        <translation>(reference: not every source confirms this)</translation>
    </message>
    <message>
        <source>(none)</source>
        <translation>(none)</translation>
    </message>
    <message>
        <source>Values used</source>
        <translation>Values used</translation>
    </message>
    <message>
        <source>Period</source>
        <translation>Period</translation>
    </message>
    <message>
        <source>Rule</source>
        <translation>Rule</translation>
    </message>
    <message>
        <source>Guideline and year</source>
        <translation>Guideline and year</translation>
    </message>
    <message>
        <source>What is missing</source>
        <translation>What is missing</translation>
    </message>
    <message>
        <source>Nothing</source>
        <translation>Nothing</translation>
    </message>
    <message>
        <source>Not applicable under 18</source>
        <translation>Not applicable under 18</translation>
    </message>
    <message>
        <source>Adult rules are not applied under 18.</source>
        <translation>Adult rules are not applied under 18.</translation>
    </message>
    <message>
        <source>{start} – {end} ({days} days)</source>
        <translation>{start} – {end} ({days} days)</translation>
    </message>
    <message>
        <source>Morning</source>
        <translation>Morning</translation>
    </message>
    <message>
        <source>Evening</source>
        <translation>Evening</translation>
    </message>
    <message>
        <source>{slot} average {sys}/{dia} mmHg ({days} days)</source>
        <translation>{slot} average {sys}/{dia} mmHg ({days} days)</translation>
    </message>
    <message>
        <source>{slot} average {sys}/{dia} mmHg over {days} days</source>
        <translation>{slot} average {sys}/{dia} mmHg over {days} days</translation>
    </message>
    <message>
        <source>{slot}: {days} of {need} days</source>
        <translation>{slot}: {days} of {need} days</translation>
    </message>
    <message>
        <source>Not enough days to judge ({n} more days needed)</source>
        <translation>Not enough days to judge ({n} more days needed)</translation>
    </message>
    <message>
        <source>{slot} readings on {n} more days</source>
        <translation>{slot} readings on {n} more days</translation>
    </message>
    <message>
        <source>{sys}/{dia} mmHg</source>
        <translation>{sys}/{dia} mmHg</translation>
    </message>
    <message>
        <source>By the guideline's standard this is in the range of high blood pressure. Please talk to your doctor.</source>
        <translation>By the guideline's standard this is in the range of high blood pressure. Please talk to your doctor.</translation>
    </message>
    <message>
        <source>Morning and evening are averaged separately, each needs at least 5 days; the higher class of the two is shown. High blood pressure at home: 135/85 mmHg or more.</source>
        <translation>Morning and evening are averaged separately, each needs at least 5 days; the higher class of the two is shown. High blood pressure at home: 135/85 mmHg or more.</translation>
    </message>
    <message>
        <source>Your goal: below {sys}/{dia} mmHg</source>
        <translation>Your goal: below {sys}/{dia} mmHg</translation>
    </message>
    <message>
        <source>not enough readings to compare</source>
        <translation>not enough readings to compare</translation>
    </message>
    <message>
        <source>Reference: above your goal</source>
        <translation>Reference: above your goal</translation>
    </message>
    <message>
        <source>met</source>
        <translation>met</translation>
    </message>
    <message>
        <source>{kg} kg</source>
        <translation>{kg} kg</translation>
    </message>
    <message>
        <source>7-day average</source>
        <translation>7-day average</translation>
    </message>
    <message>
        <source>No records in the last 7 days</source>
        <translation>No records in the last 7 days</translation>
    </message>
    <message>
        <source>Weight in the last 7 days</source>
        <translation>Weight in the last 7 days</translation>
    </message>
    <message>
        <source>Trend: {arrow} {slope} kg per week (4 weeks)</source>
        <translation>Trend: {arrow} {slope} kg per week (4 weeks)</translation>
    </message>
    <message>
        <source>Enough weighings in the last 4 weeks for a trend</source>
        <translation>Enough weighings in the last 4 weeks for a trend</translation>
    </message>
    <message>
        <source>7-day average: {v}</source>
        <translation>7-day average: {v}</translation>
    </message>
    <message>
        <source>Trend: {v} kg per week</source>
        <translation>Trend: {v} kg per week</translation>
    </message>
    <message>
        <source>Average: the last 7 days; trend: the last 28 days</source>
        <translation>Average: the last 7 days; trend: the last 28 days</translation>
    </message>
    <message>
        <source>The average of daily means; the trend is a straight line fitted to the daily means (least squares).</source>
        <translation>The average of daily means; the trend is a straight line fitted to the daily means (least squares).</translation>
    </message>
    <message>
        <source>phrapp's own summary (no guideline class)</source>
        <translation>phrapp's own summary (no guideline class)</translation>
    </message>
    <message>
        <source>Goal: {target} kg by {end} (plan for today {planned} kg)</source>
        <translation>Goal: {target} kg by {end} (plan for today {planned} kg)</translation>
    </message>
    <message>
        <source>Progress: {pct} % of the planned loss</source>
        <translation>Progress: {pct} % of the planned loss</translation>
    </message>
    <message>
        <source>Goal: keep {kg} kg</source>
        <translation>Goal: keep {kg} kg</translation>
    </message>
    <message>
        <source>Reference: above your plan</source>
        <translation>Reference: above your plan</translation>
    </message>
    <message>
        <source>Reference: outside the range you set</source>
        <translation>Reference: outside the range you set</translation>
    </message>
    <message>
        <source>Your goal</source>
        <translation>Your goal</translation>
    </message>
    <message>
        <source>Default pace: 3 % in 3–6 months (Japan Society for the Study of Obesity, guideline 2022). The comparison is for reference.</source>
        <translation>Default pace: 3 % in 3–6 months (Japan Society for the Study of Obesity, guideline 2022). The comparison is for reference.</translation>
    </message>
    <message>
        <source>{steps} steps</source>
        <translation>{steps} steps</translation>
    </message>
    <message>
        <source>Target met</source>
        <translation>Target met</translation>
    </message>
    <message>
        <source>Reference: below your goal</source>
        <translation>Reference: below your goal</translation>
    </message>
    <message>
        <source>Below the target</source>
        <translation>Below the target</translation>
    </message>
    <message>
        <source>Step counts in the last 7 days</source>
        <translation>Step counts in the last 7 days</translation>
    </message>
    <message>
        <source>7-day average; your goal {target} steps a day</source>
        <translation>7-day average; your goal {target} steps a day</translation>
    </message>
    <message>
        <source>7-day average; target {target} steps a day</source>
        <translation>7-day average; target {target} steps a day</translation>
    </message>
    <message>
        <source>Birth date (the target depends on age)</source>
        <translation>Birth date (the target depends on age)</translation>
    </message>
    <message>
        <source>7-day average: {v} steps</source>
        <translation>7-day average: {v} steps</translation>
    </message>
    <message>
        <source>Target: {v} steps</source>
        <translation>Target: {v} steps</translation>
    </message>
    <message>
        <source>The last 7 days (days with a record)</source>
        <translation>The last 7 days (days with a record)</translation>
    </message>
    <message>
        <source>Target by age: 20–64 years 8,000 steps, 65 and over 6,000 steps.</source>
        <translation>Target by age: 20–64 years 8,000 steps, 65 and over 6,000 steps.</translation>
    </message>
    <message>
        <source>Intensive support</source>
        <translation>Intensive support</translation>
    </message>
    <message>
        <source>Motivational support</source>
        <translation>Motivational support</translation>
    </message>
    <message>
        <source>Information only (no support needed)</source>
        <translation>Information only (no support needed)</translation>
    </message>
    <message>
        <source>Not eligible (age or medicines)</source>
        <translation>Not eligible (age or medicines)</translation>
    </message>
    <message>
        <source>Could not be judged</source>
        <translation>Could not be judged</translation>
    </message>
    <message>
        <source>No checkup recorded yet</source>
        <translation>No checkup recorded yet</translation>
    </message>
    <message>
        <source>A checkup result</source>
        <translation>A checkup result</translation>
    </message>
    <message>
        <source>{n} item(s) at the referral threshold</source>
        <translation>{n} item(s) at the referral threshold</translation>
    </message>
    <message>
        <source>{n} item(s) at the guidance threshold</source>
        <translation>{n} item(s) at the guidance threshold</translation>
    </message>
    <message>
        <source>All items in range</source>
        <translation>All items in range</translation>
    </message>
    <message>
        <source>Referral: {r} · Guidance: {g}
Specific health guidance: {level}</source>
        <translation>Referral: {r} · Guidance: {g}
Specific health guidance: {level}</translation>
    </message>
    <message>
        <source>{name}: {value} {unit} ({kind}, threshold {cmp} {limit})</source>
        <translation>{name}: {value} {unit} ({kind}, threshold {cmp} {limit})</translation>
    </message>
    <message>
        <source>referral</source>
        <translation>referral</translation>
    </message>
    <message>
        <source>guidance</source>
        <translation>guidance</translation>
    </message>
    <message>
        <source>Every item is below the guidance threshold</source>
        <translation>Every item is below the guidance threshold</translation>
    </message>
    <message>
        <source>The checkup of {date}</source>
        <translation>The checkup of {date}</translation>
    </message>
    <message>
        <source>Each item is compared with the guidance and referral thresholds; the support level as in the checkup file, else computed.</source>
        <translation>Each item is compared with the guidance and referral thresholds; the support level as in the checkup file, else computed.</translation>
    </message>
    <message>
        <source>the smoking answer</source>
        <translation>the smoking answer</translation>
    </message>
    <message>
        <source>sex</source>
        <translation>sex</translation>
    </message>
    <message>
        <source>the birth date</source>
        <translation>the birth date</translation>
    </message>
    <message>
        <source>the checkup's systolic blood pressure</source>
        <translation>the checkup's systolic blood pressure</translation>
    </message>
    <message>
        <source>the checkup's fasting glucose</source>
        <translation>the checkup's fasting glucose</translation>
    </message>
    <message>
        <source>the checkup's LDL cholesterol</source>
        <translation>the checkup's LDL cholesterol</translation>
    </message>
    <message>
        <source>the checkup's HDL cholesterol</source>
        <translation>the checkup's HDL cholesterol</translation>
    </message>
    <message>
        <source>Low risk</source>
        <translation>Low risk</translation>
    </message>
    <message>
        <source>Medium risk</source>
        <translation>Medium risk</translation>
    </message>
    <message>
        <source>High risk</source>
        <translation>High risk</translation>
    </message>
    <message>
        <source>{risk} %</source>
        <translation>{risk} %</translation>
    </message>
    <message>
        <source>Chance of heart disease or stroke within 10 years ({points} points)</source>
        <translation>Chance of heart disease or stroke within 10 years ({points} points)</translation>
    </message>
    <message>
        <source>Cannot be calculated without {missing}</source>
        <translation>Cannot be calculated without {missing}</translation>
    </message>
    <message>
        <source>, </source>
        <translation>, </translation>
    </message>
    <message>
        <source>Answer the health questions to calculate it.</source>
        <translation>Answer the health questions to calculate it.</translation>
    </message>
    <message>
        <source>Diabetes, chronic kidney disease or peripheral artery disease count as high risk without a score.</source>
        <translation>Diabetes, chronic kidney disease or peripheral artery disease count as high risk without a score.</translation>
    </message>
    <message>
        <source>Not scored</source>
        <translation>Not scored</translation>
    </message>
    <message>
        <source>After a heart attack or stroke the score is not used; please follow your doctor's advice.</source>
        <translation>After a heart attack or stroke the score is not used; please follow your doctor's advice.</translation>
    </message>
    <message>
        <source>The score is for ages 40–79 without familial hypercholesterolaemia.</source>
        <translation>The score is for ages 40–79 without familial hypercholesterolaemia.</translation>
    </message>
    <message>
        <source>Points: {v}</source>
        <translation>Points: {v}</translation>
    </message>
    <message>
        <source>Checkup of {date}: blood pressure, fasting glucose, LDL and HDL cholesterol</source>
        <translation>Checkup of {date}: blood pressure, fasting glucose, LDL and HDL cholesterol</translation>
    </message>
    <message>
        <source>Health questions answered on {date}; smoking: {smoking}</source>
        <translation>Health questions answered on {date}; smoking: {smoking}</translation>
    </message>
    <message>
        <source>The latest checkup and the latest answers</source>
        <translation>The latest checkup and the latest answers</translation>
    </message>
    <message>
        <source>Points for sex, systolic BP, glucose, LDL, HDL and smoking; the 10-year risk is read for the age. Low &lt;2 %, medium 2–&lt;10 %, high ≥10 %.</source>
        <translation>Points for sex, systolic BP, glucose, LDL, HDL and smoking; the 10-year risk is read for the age. Low &lt;2 %, medium 2–&lt;10 %, high ≥10 %.</translation>
    </message>
    <message>
        <source>smokes</source>
        <translation>smokes</translation>
    </message>
    <message>
        <source>used to smoke</source>
        <translation>used to smoke</translation>
    </message>
    <message>
        <source>never smoked</source>
        <translation>never smoked</translation>
    </message>
    <message>
        <source>not answered</source>
        <translation>not answered</translation>
    </message>
    <message>
        <source>{n} medicine(s)</source>
        <translation>{n} medicine(s)</translation>
    </message>
    <message>
        <source>Same ingredient from more than one clinic</source>
        <translation>Same ingredient from more than one clinic</translation>
    </message>
    <message>
        <source>{names}: please show your medication record to your doctor or pharmacist.</source>
        <translation>{names}: please show your medication record to your doctor or pharmacist.</translation>
    </message>
    <message>
        <source>No duplicate ingredient</source>
        <translation>No duplicate ingredient</translation>
    </message>
    <message>
        <source>{n} medicine(s) with supply left today</source>
        <translation>{n} medicine(s) with supply left today</translation>
    </message>
    <message>
        <source>{ingredient}: {drugs} ({clinics})</source>
        <translation>{ingredient}: {drugs} ({clinics})</translation>
    </message>
    <message>
        <source>Dispensed medicines whose supply covers {date}</source>
        <translation>Dispensed medicines whose supply covers {date}</translation>
    </message>
    <message>
        <source>Two current medicines with the same ingredient (YJ code) from different clinics are shown as a warning.</source>
        <translation>Two current medicines with the same ingredient (YJ code) from different clinics are shown as a warning.</translation>
    </message>
    <message>
        <source>phrapp's own check (no guideline)</source>
        <translation>phrapp's own check (no guideline)</translation>
    </message>
    <message>
        <source>The checkup recommends seeing a doctor about {n} item(s)</source>
        <translation>The checkup recommends seeing a doctor about {n} item(s)</translation>
    </message>
    <message>
        <source>No open reminders</source>
        <translation>No open reminders</translation>
    </message>
    <message>
        <source>{name}: {value} {unit} (referral threshold {cmp} {limit})</source>
        <translation>{name}: {value} {unit} (referral threshold {cmp} {limit})</translation>
    </message>
    <message>
        <source>— last visit about it: {date}</source>
        <translation>— last visit about it: {date}</translation>
    </message>
    <message>
        <source>I saw a doctor</source>
        <translation>I saw a doctor</translation>
    </message>
    <message>
        <source>{name}: visit recorded on {date}</source>
        <translation>{name}: visit recorded on {date}</translation>
    </message>
    <message>
        <source>{name}: {value} {unit}</source>
        <translation>{name}: {value} {unit}</translation>
    </message>
    <message>
        <source>Visits recorded after the checkup of {date}</source>
        <translation>Visits recorded after the checkup of {date}</translation>
    </message>
    <message>
        <source>An item at the referral threshold stays here until you record a doctor's visit after the checkup date.</source>
        <translation>An item at the referral threshold stays here until you record a doctor's visit after the checkup date.</translation>
    </message>
</context>
<context>
    <name>DataPage</name>
    <message>
        <source>Add record</source>
        <translation>Add record</translation>
    </message>
    <message>
        <source>Edit…</source>
        <translation>Edit…</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Delete</translation>
    </message>
    <message>
        <source>Undo</source>
        <translation>Undo</translation>
    </message>
    <message>
        <source>Undo the last change (Ctrl+Z)</source>
        <translation>Undo the last change (Ctrl+Z)</translation>
    </message>
    <message>
        <source>{count} records</source>
        <translation>{count} records</translation>
    </message>
</context>
<context>
    <name>DropZone</name>
    <message>
        <source>Drop files or a folder here</source>
        <translation>Drop files or a folder here</translation>
    </message>
    <message>
        <source>or</source>
        <translation>or</translation>
    </message>
    <message>
        <source>Choose files…</source>
        <translation>Choose files…</translation>
    </message>
    <message>
        <source>Choose a folder…</source>
        <translation>Choose a folder…</translation>
    </message>
</context>
<context>
    <name>EmptyState</name>
    <message>
        <source>Enter by hand</source>
        <translation>Enter by hand</translation>
    </message>
    <message>
        <source>Import from a file</source>
        <translation>Import from a file</translation>
    </message>
</context>
<context>
    <name>ErrorDialog</name>
    <message>
        <source>phrapp</source>
        <translation>phrapp</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>Details</translation>
    </message>
    <message>
        <source>OK</source>
        <translation>OK</translation>
    </message>
</context>
<context>
    <name>Errors</name>
    <message>
        <source>The passphrase is not correct. Check it and try again.</source>
        <translation>The passphrase is not correct. Check it and try again.</translation>
    </message>
    <message>
        <source>Enter the passphrase to open the vault.</source>
        <translation>Enter the passphrase to open the vault.</translation>
    </message>
    <message>
        <source>This passphrase is too easy to guess. Use at least 12 characters, e.g. several unrelated words.</source>
        <translation>This passphrase is too easy to guess. Use at least 12 characters, e.g. several unrelated words.</translation>
    </message>
    <message>
        <source>A value is outside the possible range. Check the numbers and try again.</source>
        <translation>A value is outside the possible range. Check the numbers and try again.</translation>
    </message>
    <message>
        <source>The record no longer exists. The list has been refreshed.</source>
        <translation>The record no longer exists. The list has been refreshed.</translation>
    </message>
    <message>
        <source>No vault was found in this folder.</source>
        <translation>No vault was found in this folder.</translation>
    </message>
    <message>
        <source>The vault is open in another window or program. Close it there and try again.</source>
        <translation>The vault is open in another window or program. Close it there and try again.</translation>
    </message>
    <message>
        <source>The vault could not be read. Restore it from a backup, or see the details.</source>
        <translation>The vault could not be read. Restore it from a backup, or see the details.</translation>
    </message>
    <message>
        <source>A vault already exists in this folder. Open it instead.</source>
        <translation>A vault already exists in this folder. Open it instead.</translation>
    </message>
    <message>
        <source>A person with this name already exists. Choose another name.</source>
        <translation>A person with this name already exists. Choose another name.</translation>
    </message>
    <message>
        <source>The action was refused and nothing was changed. See the details.</source>
        <translation>The action was refused and nothing was changed. See the details.</translation>
    </message>
    <message>
        <source>A file could not be read or written. Check the disk and the folder permissions, then try again.</source>
        <translation>A file could not be read or written. Check the disk and the folder permissions, then try again.</translation>
    </message>
    <message>
        <source>Something went wrong and nothing was changed. Please try again; if it keeps happening, see the details.</source>
        <translation>Something went wrong and nothing was changed. Please try again; if it keeps happening, see the details.</translation>
    </message>
</context>
<context>
    <name>ExportDoneDialog</name>
    <message>
        <source>Export finished</source>
        <translation>Export finished</translation>
    </message>
    <message>
        <source>The export is finished</source>
        <translation>The export is finished</translation>
    </message>
    <message>
        <source>{count} file(s) written in {folder}:</source>
        <translation>{count} file(s) written in {folder}:</translation>
    </message>
    <message>
        <source>The one-time passphrase of this file is below. It is shown only now and is not stored anywhere. Tell it to the clinic separately, by phone or in person — never in the same e-mail or envelope as the file.</source>
        <translation>The one-time passphrase of this file is below. It is shown only now and is not stored anywhere. Tell it to the clinic separately, by phone or in person — never in the same e-mail or envelope as the file.</translation>
    </message>
    <message>
        <source>One-time passphrase</source>
        <translation>One-time passphrase</translation>
    </message>
    <message>
        <source>Copy</source>
        <translation>Copy</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Close</translation>
    </message>
    <message>
        <source>Copied. The clipboard is cleared again in a minute.</source>
        <translation>Copied. The clipboard is cleared again in a minute.</translation>
    </message>
</context>
<context>
    <name>ExportFormats</name>
    <message>
        <source>Checkup results (特定健診 XML)</source>
        <translation>Checkup results (特定健診 XML)</translation>
    </message>
    <message>
        <source>Medication record (お薬手帳 JAHIS)</source>
        <translation>Medication record (お薬手帳 JAHIS)</translation>
    </message>
    <message>
        <source>FHIR for clinic systems</source>
        <translation>FHIR for clinic systems</translation>
    </message>
    <message>
        <source>CSV for spreadsheets</source>
        <translation>CSV for spreadsheets</translation>
    </message>
    <message>
        <source>PDF for the doctor</source>
        <translation>PDF for the doctor</translation>
    </message>
    <message>
        <source>Encrypted share file</source>
        <translation>Encrypted share file</translation>
    </message>
    <message>
        <source>For health apps and portals that work with マイナポータル: one XML file per checkup, in the national format.</source>
        <translation>For health apps and portals that work with マイナポータル: one XML file per checkup, in the national format.</translation>
    </message>
    <message>
        <source>For お薬手帳 apps: your medicines and allergies in the JAHIS format.</source>
        <translation>For お薬手帳 apps: your medicines and allergies in the JAHIS format.</translation>
    </message>
    <message>
        <source>For the computer systems of clinics and hospitals: one FHIR file.</source>
        <translation>For the computer systems of clinics and hospitals: one FHIR file.</translation>
    </message>
    <message>
        <source>For Excel and other spreadsheets: one CSV file per kind of record.</source>
        <translation>For Excel and other spreadsheets: one CSV file per kind of record.</translation>
    </message>
    <message>
        <source>One or two pages a doctor can read in a minute, with your notes for the doctor.</source>
        <translation>One or two pages a doctor can read in a minute, with your notes for the doctor.</translation>
    </message>
    <message>
        <source>For giving to a clinic: one encrypted file; you tell the clinic its passphrase separately.</source>
        <translation>For giving to a clinic: one encrypted file; you tell the clinic its passphrase separately.</translation>
    </message>
    <message>
        <source>All records</source>
        <translation>All records</translation>
    </message>
    <message>
        <source>From {start}</source>
        <translation>From {start}</translation>
    </message>
    <message>
        <source>Until {end}</source>
        <translation>Until {end}</translation>
    </message>
    <message>
        <source>{start} to {end}</source>
        <translation>{start} to {end}</translation>
    </message>
</context>
<context>
    <name>ExportPage</name>
    <message>
        <source>Export</source>
        <translation>Export</translation>
    </message>
    <message>
        <source>Write your records to a file for a portal, another app or your doctor. Nothing leaves phrapp before you have checked and confirmed what will be written.</source>
        <translation>Write your records to a file for a portal, another app or your doctor. Nothing leaves phrapp before you have checked and confirmed what will be written.</translation>
    </message>
    <message>
        <source>Export…</source>
        <translation>Export…</translation>
    </message>
    <message>
        <source>Shows what will be exported before anything is written</source>
        <translation>Shows what will be exported before anything is written</translation>
    </message>
    <message>
        <source>Person</source>
        <translation>Person</translation>
    </message>
    <message>
        <source>Format</source>
        <translation>Format</translation>
    </message>
    <message>
        <source>What to include</source>
        <translation>What to include</translation>
    </message>
    <message>
        <source>Only the kinds of record this format can carry are shown.</source>
        <translation>Only the kinds of record this format can carry are shown.</translation>
    </message>
    <message>
        <source>Period</source>
        <translation>Period</translation>
    </message>
    <message>
        <source>All records</source>
        <translation>All records</translation>
    </message>
    <message>
        <source>Only records from … to …</source>
        <translation>Only records from … to …</translation>
    </message>
    <message>
        <source>From</source>
        <translation>From</translation>
    </message>
    <message>
        <source>To</source>
        <translation>To</translation>
    </message>
    <message>
        <source>to</source>
        <translation>to</translation>
    </message>
    <message>
        <source>Options</source>
        <translation>Options</translation>
    </message>
    <message>
        <source>Generate every checkup file anew (instead of the original files as they were imported)</source>
        <translation>Generate every checkup file anew (instead of the original files as they were imported)</translation>
    </message>
    <message>
        <source>Earlier exports</source>
        <translation>Earlier exports</translation>
    </message>
    <message>
        <source>No exports yet.</source>
        <translation>No exports yet.</translation>
    </message>
    <message>
        <source>When</source>
        <translation>When</translation>
    </message>
    <message>
        <source>What</source>
        <translation>What</translation>
    </message>
    <message>
        <source>Records</source>
        <translation>Records</translation>
    </message>
    <message>
        <source>Encrypted</source>
        <translation>Encrypted</translation>
    </message>
    <message>
        <source>Notes for the doctor</source>
        <translation>Notes for the doctor</translation>
    </message>
    <message>
        <source>Printed on the first page, e.g. what you want to ask or what changed since the last visit.</source>
        <translation>Printed on the first page, e.g. what you want to ask or what changed since the last visit.</translation>
    </message>
    <message>
        <source>Note for the recipient</source>
        <translation>Note for the recipient</translation>
    </message>
    <message>
        <source>Travels inside the encrypted file, e.g. who it is for and why.</source>
        <translation>Travels inside the encrypted file, e.g. who it is for and why.</translation>
    </message>
    <message>
        <source>Yes (encrypted)</source>
        <translation>Yes (encrypted)</translation>
    </message>
    <message>
        <source>No (not encrypted)</source>
        <translation>No (not encrypted)</translation>
    </message>
    <message>
        <source>Choose at least one kind of record to export.</source>
        <translation>Choose at least one kind of record to export.</translation>
    </message>
    <message>
        <source>The start of the period is after its end. Correct the dates and try again.</source>
        <translation>The start of the period is after its end. Correct the dates and try again.</translation>
    </message>
    <message>
        <source>Cancelled. Nothing was exported.</source>
        <translation>Cancelled. Nothing was exported.</translation>
    </message>
    <message>
        <source>Save the export as</source>
        <translation>Save the export as</translation>
    </message>
    <message>
        <source>Choose the folder for the exported files</source>
        <translation>Choose the folder for the exported files</translation>
    </message>
    <message>
        <source>Exporting…</source>
        <translation>Exporting…</translation>
    </message>
    <message>
        <source>The export was cancelled. Nothing was written.</source>
        <translation>The export was cancelled. Nothing was written.</translation>
    </message>
    <message>
        <source>There was nothing to export. No file was written.</source>
        <translation>There was nothing to export. No file was written.</translation>
    </message>
    <message>
        <source>Exported {count} records to {files} file(s) in {folder}.</source>
        <translation>Exported {count} records to {files} file(s) in {folder}.</translation>
    </message>
    <message>
        <source>The export failed and nothing was written. {why}</source>
        <translation>The export failed and nothing was written. {why}</translation>
    </message>
</context>
<context>
    <name>GoalsDialog</name>
    <message>
        <source>Goals</source>
        <translation>Goals</translation>
    </message>
    <message>
        <source>Set only the goals you want. The dashboard compares your records with them and marks a difference as 'reference' — it is not a medical judgement.</source>
        <translation>Set only the goals you want. The dashboard compares your records with them and marks a difference as 'reference' — it is not a medical judgement.</translation>
    </message>
    <message>
        <source>Weight goal</source>
        <translation>Weight goal</translation>
    </message>
    <message>
        <source>Lose weight</source>
        <translation>Lose weight</translation>
    </message>
    <message>
        <source>Keep my weight</source>
        <translation>Keep my weight</translation>
    </message>
    <message>
        <source>Mode</source>
        <translation>Mode</translation>
    </message>
    <message>
        <source>Starting weight</source>
        <translation>Starting weight</translation>
    </message>
    <message>
        <source> months</source>
        <translation> months</translation>
    </message>
    <message>
        <source>over</source>
        <translation>over</translation>
    </message>
    <message>
        <source>Lose</source>
        <translation>Lose</translation>
    </message>
    <message>
        <source>No alert</source>
        <translation>No alert</translation>
    </message>
    <message>
        <source>Tell me when it changes by more than</source>
        <translation>Tell me when it changes by more than</translation>
    </message>
    <message>
        <source>Suggested: lose 3 % in 3–6 months (5–10 % when BMI is 35 or more). Japan Society for the Study of Obesity guideline 2022.</source>
        <translation>Suggested: lose 3 % in 3–6 months (5–10 % when BMI is 35 or more). Japan Society for the Study of Obesity guideline 2022.</translation>
    </message>
    <message>
        <source>Daily steps goal</source>
        <translation>Daily steps goal</translation>
    </message>
    <message>
        <source>Steps a day</source>
        <translation>Steps a day</translation>
    </message>
    <message>
        <source>Without a goal of your own the target for your age is used: 8,000 steps (20–64 years), 6,000 steps (65 and over). Health Japan 21 (third term).</source>
        <translation>Without a goal of your own the target for your age is used: 8,000 steps (20–64 years), 6,000 steps (65 and over). Health Japan 21 (third term).</translation>
    </message>
    <message>
        <source>Home blood pressure goal</source>
        <translation>Home blood pressure goal</translation>
    </message>
    <message>
        <source>mmHg (below)</source>
        <translation>mmHg (below)</translation>
    </message>
    <message>
        <source>Morning and evening averages</source>
        <translation>Morning and evening averages</translation>
    </message>
    <message>
        <source>JSH2025: below 125/75 mmHg at home for every adult. Use the target your doctor gave you if it differs.</source>
        <translation>JSH2025: below 125/75 mmHg at home for every adult. Use the target your doctor gave you if it differs.</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Save</translation>
    </message>
    <message>
        <source>A value is outside the possible range (the lower blood pressure must be below the upper one).</source>
        <translation>A value is outside the possible range (the lower blood pressure must be below the upper one).</translation>
    </message>
</context>
<context>
    <name>HelpDialog</name>
    <message>
        <source>Help</source>
        <translation>Help</translation>
    </message>
    <message>
        <source>phrapp {version}</source>
        <translation>phrapp {version}</translation>
    </message>
    <message>
        <source>Your personal health record, encrypted on this computer.</source>
        <translation>Your personal health record, encrypted on this computer.</translation>
    </message>
    <message>
        <source>Choose what to see in the list on the left.</source>
        <translation>Choose what to see in the list on the left.</translation>
    </message>
    <message>
        <source>“Add record” enters a reading by hand.</source>
        <translation>“Add record” enters a reading by hand.</translation>
    </message>
    <message>
        <source>Select a row and press Delete to remove it; Ctrl+Z undoes it.</source>
        <translation>Select a row and press Delete to remove it; Ctrl+Z undoes it.</translation>
    </message>
    <message>
        <source>Choose the person at the top to see a family member's records.</source>
        <translation>Choose the person at the top to see a family member's records.</translation>
    </message>
    <message>
        <source>To import a checkup file, drop it on “Import”: you check a preview first, and every import can be undone there.</source>
        <translation>To import a checkup file, drop it on “Import”: you check a preview first, and every import can be undone there.</translation>
    </message>
    <message>
        <source>Press Lock (Ctrl+L) when you leave the computer. phrapp also locks itself after {minutes} minutes without use.</source>
        <translation>Press Lock (Ctrl+L) when you leave the computer. phrapp also locks itself after {minutes} minutes without use.</translation>
    </message>
    <message>
        <source>phrapp organises your records; it does not diagnose. If a value worries you, please ask your doctor.</source>
        <translation>phrapp organises your records; it does not diagnose. If a value worries you, please ask your doctor.</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Close</translation>
    </message>
</context>
<context>
    <name>HistoryRow</name>
    <message>
        <source>and {n} more</source>
        <translation>and {n} more</translation>
    </message>
    <message>
        <source>Added: {counts}</source>
        <translation>Added: {counts}</translation>
    </message>
    <message>
        <source>Updated: {counts}</source>
        <translation>Updated: {counts}</translation>
    </message>
    <message>
        <source>Nothing new was added</source>
        <translation>Nothing new was added</translation>
    </message>
    <message>
        <source>For: {names}</source>
        <translation>For: {names}</translation>
    </message>
    <message>
        <source>Undo</source>
        <translation>Undo</translation>
    </message>
    <message>
        <source>Remove what this import added</source>
        <translation>Remove what this import added</translation>
    </message>
    <message>
        <source>Undone on {when}</source>
        <translation>Undone on {when}</translation>
    </message>
</context>
<context>
    <name>ImmunizationDialog</name>
    <message>
        <source>Add a vaccination</source>
        <translation>Add a vaccination</translation>
    </message>
    <message>
        <source>Edit a vaccination</source>
        <translation>Edit a vaccination</translation>
    </message>
    <message>
        <source>e.g. インフルエンザHAワクチン</source>
        <translation>e.g. インフルエンザHAワクチン</translation>
    </message>
    <message>
        <source>not entered</source>
        <translation>not entered</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>Date</translation>
    </message>
    <message>
        <source>Vaccine</source>
        <translation>Vaccine</translation>
    </message>
    <message>
        <source>Dose number</source>
        <translation>Dose number</translation>
    </message>
    <message>
        <source>Where</source>
        <translation>Where</translation>
    </message>
    <message>
        <source>Lot number</source>
        <translation>Lot number</translation>
    </message>
    <message>
        <source>Enter the name of the vaccine.</source>
        <translation>Enter the name of the vaccine.</translation>
    </message>
</context>
<context>
    <name>ImportPage</name>
    <message>
        <source>Import</source>
        <translation>Import</translation>
    </message>
    <message>
        <source>Assign columns and import…</source>
        <translation>Assign columns and import…</translation>
    </message>
    <message>
        <source>What you can import</source>
        <translation>What you can import</translation>
    </message>
    <message>
        <source>Results of the specific health checkup (特定健診): the XML file, or the zip file that holds it, as you download it from マイナポータル or receive it from your health insurer.
Your medication record (お薬手帳): the JAHIS text file an お薬手帳 app exports, or a photo or screenshot of the QR code the pharmacy prints on your receipt.
Home devices: the OMRON connect CSV, Tanita Health Planet data, the Apple Health export (export.zip), the health data exchange CSV (健康情報等交換規約), and any other CSV once you assign its columns.
FHIR files (JP Core, a phrapp export from another PC) and phrapp's own CSV export.</source>
        <translation>Results of the specific health checkup (特定健診): the XML file, or the zip file that holds it, as you download it from マイナポータル or receive it from your health insurer.
Your medication record (お薬手帳): the JAHIS text file an お薬手帳 app exports, or a photo or screenshot of the QR code the pharmacy prints on your receipt.
Home devices: the OMRON connect CSV, Tanita Health Planet data, the Apple Health export (export.zip), the health data exchange CSV (健康情報等交換規約), and any other CSV once you assign its columns.
FHIR files (JP Core, a phrapp export from another PC) and phrapp's own CSV export.</translation>
    </message>
    <message>
        <source>Nothing is stored before you have checked the preview, and every import can be undone from the list below.</source>
        <translation>Nothing is stored before you have checked the preview, and every import can be undone from the list below.</translation>
    </message>
    <message>
        <source>Earlier imports</source>
        <translation>Earlier imports</translation>
    </message>
    <message>
        <source>No imports yet.</source>
        <translation>No imports yet.</translation>
    </message>
    <message>
        <source>Reading the files…</source>
        <translation>Reading the files…</translation>
    </message>
    <message>
        <source>Nothing is stored yet: you will see a preview first.</source>
        <translation>Nothing is stored yet: you will see a preview first.</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>Check before importing</source>
        <translation>Check before importing</translation>
    </message>
    <message>
        <source>Import</source>
        <comment>button</comment>
        <translation>Import</translation>
    </message>
    <message>
        <source>Whose checkup results are these?</source>
        <translation>Whose checkup results are these?</translation>
    </message>
    <message>
        <source>They belong to a person already in phrapp:</source>
        <translation>They belong to a person already in phrapp:</translation>
    </message>
    <message>
        <source>phrapp never merges two people: choose the person these results belong to.</source>
        <translation>phrapp never merges two people: choose the person these results belong to.</translation>
    </message>
    <message>
        <source>Continue</source>
        <translation>Continue</translation>
    </message>
    <message>
        <source>Choose files to import</source>
        <translation>Choose files to import</translation>
    </message>
    <message>
        <source>Health records (*.xml *.zip *.csv *.txt *.json *.png *.jpg *.jpeg);;All files (*)</source>
        <translation>Health records (*.xml *.zip *.csv *.txt *.json *.png *.jpg *.jpeg);;All files (*)</translation>
    </message>
    <message>
        <source>Choose a folder to import</source>
        <translation>Choose a folder to import</translation>
    </message>
    <message>
        <source>File {index} of {count}: {name}</source>
        <translation>File {index} of {count}: {name}</translation>
    </message>
    <message>
        <source>Cancelled. Nothing was imported.</source>
        <translation>Cancelled. Nothing was imported.</translation>
    </message>
    <message>
        <source>phrapp does not know the columns of “{file}”. Assign them to import the file.</source>
        <translation>phrapp does not know the columns of “{file}”. Assign them to import the file.</translation>
    </message>
    <message>
        <source>“{file}” is an encrypted phrapp share file. Enter the passphrase that was shown when it was made.</source>
        <translation>“{file}” is an encrypted phrapp share file. Enter the passphrase that was shown when it was made.</translation>
    </message>
    <message>
        <source>The share file was not imported: no passphrase.</source>
        <translation>The share file was not imported: no passphrase.</translation>
    </message>
    <message>
        <source>“{file}” is not a file phrapp can import. Choose a checkup result (特定健診 XML or zip) or an お薬手帳 file (JAHIS text or QR image).</source>
        <translation>“{file}” is not a file phrapp can import. Choose a checkup result (特定健診 XML or zip) or an お薬手帳 file (JAHIS text or QR image).</translation>
    </message>
    <message>
        <source>“{file}” could not be read: it seems damaged or incomplete. Download it again or ask the sender for a new copy.</source>
        <translation>“{file}” could not be read: it seems damaged or incomplete. Download it again or ask the sender for a new copy.</translation>
    </message>
    <message>
        <source>“{file}” was refused because it contains parts that could harm your computer. Nothing was imported.</source>
        <translation>“{file}” was refused because it contains parts that could harm your computer. Nothing was imported.</translation>
    </message>
    <message>
        <source>“{file}” is too large to import.</source>
        <translation>“{file}” is too large to import.</translation>
    </message>
    <message>
        <source>“{file}” uses a character encoding phrapp cannot read. Nothing was imported.</source>
        <translation>“{file}” uses a character encoding phrapp cannot read. Nothing was imported.</translation>
    </message>
    <message>
        <source>“{file}” no longer exists. Choose it again.</source>
        <translation>“{file}” no longer exists. Choose it again.</translation>
    </message>
    <message>
        <source>A person with the name from “{file}” already exists. Nothing was imported.</source>
        <translation>A person with the name from “{file}” already exists. Nothing was imported.</translation>
    </message>
    <message>
        <source>“{file}” could not be opened. Check that the file is there and readable, then try again.</source>
        <translation>“{file}” could not be opened. Check that the file is there and readable, then try again.</translation>
    </message>
    <message>
        <source>“{file}”</source>
        <translation>“{file}”</translation>
    </message>
    <message>
        <source>The person in {files} matches more than one person in phrapp. Choose who it is.</source>
        <translation>The person in {files} matches more than one person in phrapp. Choose who it is.</translation>
    </message>
    <message>
        <source>{files} holds the results of a person who is not in phrapp yet:</source>
        <translation>{files} holds the results of a person who is not in phrapp yet:</translation>
    </message>
    <message>
        <source>{files} holds the results of {count} people who are not in phrapp yet:</source>
        <translation>{files} holds the results of {count} people who are not in phrapp yet:</translation>
    </message>
    <message>
        <source>Create a new person “{name}”</source>
        <translation>Create a new person “{name}”</translation>
    </message>
    <message>
        <source>Create {count} new people</source>
        <translation>Create {count} new people</translation>
    </message>
    <message>
        <source>male</source>
        <translation>male</translation>
    </message>
    <message>
        <source>female</source>
        <translation>female</translation>
    </message>
    <message>
        <source>born {date}</source>
        <translation>born {date}</translation>
    </message>
    <message>
        <source>Files: {count}</source>
        <translation>Files: {count}</translation>
    </message>
    <message>
        <source>To add: {counts}</source>
        <translation>To add: {counts}</translation>
    </message>
    <message>
        <source>To update: {counts}</source>
        <translation>To update: {counts}</translation>
    </message>
    <message>
        <source>New people: {count}</source>
        <translation>New people: {count}</translation>
    </message>
    <message>
        <source>Nothing new to import: everything is already in phrapp.</source>
        <translation>Nothing new to import: everything is already in phrapp.</translation>
    </message>
    <message>
        <source>Nothing new to import</source>
        <translation>Nothing new to import</translation>
    </message>
    <message>
        <source>For: {names}</source>
        <translation>For: {names}</translation>
    </message>
    <message>
        <source>Will add: {counts}</source>
        <translation>Will add: {counts}</translation>
    </message>
    <message>
        <source>Will update with a newer version: {counts}</source>
        <translation>Will update with a newer version: {counts}</translation>
    </message>
    <message>
        <source>Already in phrapp, not added again: {counts}</source>
        <translation>Already in phrapp, not added again: {counts}</translation>
    </message>
    <message>
        <source>Nothing new in this file.</source>
        <translation>Nothing new in this file.</translation>
    </message>
    <message>
        <source>Left out: {count} ({reason})</source>
        <translation>Left out: {count} ({reason})</translation>
    </message>
    <message>
        <source>A new person will be created: {name}</source>
        <translation>A new person will be created: {name}</translation>
    </message>
    <message>
        <source>Probably the same readings from another device or app, so not imported: {count}</source>
        <translation>Probably the same readings from another device or app, so not imported: {count}</translation>
    </message>
    <message>
        <source>This file was imported before; only new records are added.</source>
        <translation>This file was imported before; only new records are added.</translation>
    </message>
    <message>
        <source>“{name}” gets the birth date and sex from the file.</source>
        <translation>“{name}” gets the birth date and sex from the file.</translation>
    </message>
    <message>
        <source>Imported: {counts}.</source>
        <translation>Imported: {counts}.</translation>
    </message>
    <message>
        <source>nothing new</source>
        <translation>nothing new</translation>
    </message>
    <message>
        <source>Updated: {counts}.</source>
        <translation>Updated: {counts}.</translation>
    </message>
    <message>
        <source>For: {names}.</source>
        <translation>For: {names}.</translation>
    </message>
    <message>
        <source>New people: {names}.</source>
        <translation>New people: {names}.</translation>
    </message>
    <message>
        <source>You can undo this import in the list below.</source>
        <translation>You can undo this import in the list below.</translation>
    </message>
    <message>
        <source>The import was undone: {removed} record(s) removed.</source>
        <translation>The import was undone: {removed} record(s) removed.</translation>
    </message>
    <message>
        <source>{restored} record(s) have their earlier values back.</source>
        <translation>{restored} record(s) have their earlier values back.</translation>
    </message>
</context>
<context>
    <name>ItemField</name>
    <message>
        <source>(not entered)</source>
        <translation>(not entered)</translation>
    </message>
    <message>
        <source>As written on the report</source>
        <translation>As written on the report</translation>
    </message>
    <message>
        <source>Format: {pattern}</source>
        <translation>Format: {pattern}</translation>
    </message>
</context>
<context>
    <name>LabDialog</name>
    <message>
        <source>Add a lab value</source>
        <translation>Add a lab value</translation>
    </message>
    <message>
        <source>A blood test done between checkups, e.g. at your clinic. It is shown with your checkup values of the same item.</source>
        <translation>A blood test done between checkups, e.g. at your clinic. It is shown with your checkup values of the same item.</translation>
    </message>
    <message>
        <source>Item</source>
        <translation>Item</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>Value</translation>
    </message>
    <message>
        <source>Unit</source>
        <translation>Unit</translation>
    </message>
    <message>
        <source>e.g. the name of your clinic (optional)</source>
        <translation>e.g. the name of your clinic (optional)</translation>
    </message>
    <message>
        <source>Facility</source>
        <translation>Facility</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>Date</translation>
    </message>
    <message>
        <source>Enter the value as a number, e.g. {example}.</source>
        <translation>Enter the value as a number, e.g. {example}.</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Person</source>
        <translation>Person</translation>
    </message>
    <message>
        <source>Lock</source>
        <translation>Lock</translation>
    </message>
    <message>
        <source>Lock now (Ctrl+L)</source>
        <translation>Lock now (Ctrl+L)</translation>
    </message>
    <message>
        <source>Help</source>
        <translation>Help</translation>
    </message>
    <message>
        <source>Help and version (F1)</source>
        <translation>Help and version (F1)</translation>
    </message>
</context>
<context>
    <name>Medications</name>
    <message>
        <source>Allergy</source>
        <translation>Allergy</translation>
    </message>
    <message>
        <source>Adverse reaction</source>
        <translation>Adverse reaction</translation>
    </message>
    <message>
        <source>Medical history</source>
        <translation>Medical history</translation>
    </message>
    <message>
        <source>Other</source>
        <translation>Other</translation>
    </message>
</context>
<context>
    <name>MedicationsPage</name>
    <message>
        <source>Medicines</source>
        <translation>Medicines</translation>
    </message>
    <message>
        <source>Enter a medicine by hand</source>
        <translation>Enter a medicine by hand</translation>
    </message>
    <message>
        <source>Your medication record (お薬手帳)</source>
        <translation>Your medication record (お薬手帳)</translation>
    </message>
    <message>
        <source>Keep the medicines you take in one place: what the pharmacy gave you, medicines you buy yourself, allergies and vaccinations. Import the お薬手帳 file or QR code from your pharmacy app, or enter a medicine by hand. phrapp then shows what you take now and warns when two clinics prescribe the same ingredient.</source>
        <translation>Keep the medicines you take in one place: what the pharmacy gave you, medicines you buy yourself, allergies and vaccinations. Import the お薬手帳 file or QR code from your pharmacy app, or enter a medicine by hand. phrapp then shows what you take now and warns when two clinics prescribe the same ingredient.</translation>
    </message>
    <message>
        <source>Medicine</source>
        <translation>Medicine</translation>
    </message>
    <message>
        <source>Dose and usage</source>
        <translation>Dose and usage</translation>
    </message>
    <message>
        <source>Prescribed by</source>
        <translation>Prescribed by</translation>
    </message>
    <message>
        <source>Pharmacy</source>
        <translation>Pharmacy</translation>
    </message>
    <message>
        <source>Supply until</source>
        <translation>Supply until</translation>
    </message>
    <message>
        <source>Search by medicine, pharmacy or clinic</source>
        <translation>Search by medicine, pharmacy or clinic</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>Date</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Kind</translation>
    </message>
    <message>
        <source>Edit…</source>
        <translation>Edit…</translation>
    </message>
    <message>
        <source>Only medicines entered by hand can be edited</source>
        <translation>Only medicines entered by hand can be edited</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Delete</translation>
    </message>
    <message>
        <source>What happened</source>
        <translation>What happened</translation>
    </message>
    <message>
        <source>Noted on</source>
        <translation>Noted on</translation>
    </message>
    <message>
        <source>Add…</source>
        <translation>Add…</translation>
    </message>
    <message>
        <source>Vaccine</source>
        <translation>Vaccine</translation>
    </message>
    <message>
        <source>Dose number</source>
        <translation>Dose number</translation>
    </message>
    <message>
        <source>Where</source>
        <translation>Where</translation>
    </message>
    <message>
        <source>Lot number</source>
        <translation>Lot number</translation>
    </message>
    <message>
        <source>Undo</source>
        <translation>Undo</translation>
    </message>
    <message>
        <source>Undo the last change (Ctrl+Z)</source>
        <translation>Undo the last change (Ctrl+Z)</translation>
    </message>
    <message>
        <source>As of {date}</source>
        <translation>As of {date}</translation>
    </message>
    <message>
        <source>Taking now</source>
        <translation>Taking now</translation>
    </message>
    <message>
        <source>History</source>
        <translation>History</translation>
    </message>
    <message>
        <source>Allergies and adverse reactions</source>
        <translation>Allergies and adverse reactions</translation>
    </message>
    <message>
        <source>Vaccinations</source>
        <translation>Vaccinations</translation>
    </message>
    <message>
        <source>The same ingredient is prescribed by more than one clinic</source>
        <translation>The same ingredient is prescribed by more than one clinic</translation>
    </message>
    <message>
        <source>unknown prescriber</source>
        <translation>unknown prescriber</translation>
    </message>
    <message>
        <source>{medicines} (from {prescribers})</source>
        <translation>{medicines} (from {prescribers})</translation>
    </message>
    <message>
        <source>Please talk to your doctor or pharmacist before you change anything.</source>
        <translation>Please talk to your doctor or pharmacist before you change anything.</translation>
    </message>
    <message>
        <source>ⓘ {count} of the medicines you take now have no YJ code, so phrapp cannot check them for the same ingredient: {names}.</source>
        <translation>ⓘ {count} of the medicines you take now have no YJ code, so phrapp cannot check them for the same ingredient: {names}.</translation>
    </message>
    <message>
        <source>Same ingredient as another clinic</source>
        <translation>Same ingredient as another clinic</translation>
    </message>
    <message>
        <source>Medicines whose supply covers {date}. A dispensing counts from its day for the number of days supplied.</source>
        <translation>Medicines whose supply covers {date}. A dispensing counts from its day for the number of days supplied.</translation>
    </message>
    <message>
        <source>No medicine is current on {date}.</source>
        <translation>No medicine is current on {date}.</translation>
    </message>
    <message>
        <source>Continuing</source>
        <translation>Continuing</translation>
    </message>
    <message>
        <source>Dispensing</source>
        <translation>Dispensing</translation>
    </message>
    <message>
        <source>Bought yourself</source>
        <translation>Bought yourself</translation>
    </message>
    <message>
        <source>Entered by hand</source>
        <translation>Entered by hand</translation>
    </message>
</context>
<context>
    <name>MedicineDialog</name>
    <message>
        <source>Enter a medicine by hand</source>
        <translation>Enter a medicine by hand</translation>
    </message>
    <message>
        <source>Edit a medicine</source>
        <translation>Edit a medicine</translation>
    </message>
    <message>
        <source>e.g. アムロジピン錠5mg</source>
        <translation>e.g. アムロジピン錠5mg</translation>
    </message>
    <message>
        <source>optional, e.g. the YJ code on the label</source>
        <translation>optional, e.g. the YJ code on the label</translation>
    </message>
    <message>
        <source>not entered</source>
        <translation>not entered</translation>
    </message>
    <message>
        <source>e.g. 錠</source>
        <translation>e.g. 錠</translation>
    </message>
    <message>
        <source>e.g. 1日1回 朝食後</source>
        <translation>e.g. 1日1回 朝食後</translation>
    </message>
    <message>
        <source>clinic or hospital</source>
        <translation>clinic or hospital</translation>
    </message>
    <message>
        <source>Medicine</source>
        <translation>Medicine</translation>
    </message>
    <message>
        <source>Code</source>
        <translation>Code</translation>
    </message>
    <message>
        <source>Dose</source>
        <translation>Dose</translation>
    </message>
    <message>
        <source>How to take it</source>
        <translation>How to take it</translation>
    </message>
    <message>
        <source>Started on</source>
        <translation>Started on</translation>
    </message>
    <message>
        <source>Ends on</source>
        <translation>Ends on</translation>
    </message>
    <message>
        <source>Leave the end empty while you are still taking it.</source>
        <translation>Leave the end empty while you are still taking it.</translation>
    </message>
    <message>
        <source>Prescribed by</source>
        <translation>Prescribed by</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Note</translation>
    </message>
    <message>
        <source>The end is before the start.</source>
        <translation>The end is before the start.</translation>
    </message>
    <message>
        <source>Enter the name of the medicine.</source>
        <translation>Enter the name of the medicine.</translation>
    </message>
</context>
<context>
    <name>Navigation</name>
    <message>
        <source>Overview</source>
        <translation>Overview</translation>
    </message>
    <message>
        <source>Blood pressure</source>
        <translation>Blood pressure</translation>
    </message>
    <message>
        <source>Weight</source>
        <translation>Weight</translation>
    </message>
    <message>
        <source>Steps</source>
        <translation>Steps</translation>
    </message>
    <message>
        <source>Checkups</source>
        <translation>Checkups</translation>
    </message>
    <message>
        <source>Medicines</source>
        <translation>Medicines</translation>
    </message>
    <message>
        <source>Import</source>
        <translation>Import</translation>
    </message>
    <message>
        <source>Export</source>
        <translation>Export</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>Settings</translation>
    </message>
</context>
<context>
    <name>Op</name>
    <message>
        <source>Cancel</source>
        <translation>Cancel</translation>
    </message>
</context>
<context>
    <name>PdfReport</name>
    <message>
        <source>entered by hand</source>
        <translation>entered by hand</translation>
    </message>
    <message>
        <source>checkup file</source>
        <translation>checkup file</translation>
    </message>
    <message>
        <source>imported file</source>
        <translation>imported file</translation>
    </message>
    <message>
        <source>medication record (JAHIS)</source>
        <translation>medication record (JAHIS)</translation>
    </message>
    <message>
        <source>Blood pressure</source>
        <translation>Blood pressure</translation>
    </message>
    <message>
        <source>Waist</source>
        <translation>Waist</translation>
    </message>
    <message>
        <source>Fasting glucose</source>
        <translation>Fasting glucose</translation>
    </message>
    <message>
        <source>Non-fasting glucose</source>
        <translation>Non-fasting glucose</translation>
    </message>
    <message>
        <source>Triglycerides (fasting)</source>
        <translation>Triglycerides (fasting)</translation>
    </message>
    <message>
        <source>Triglycerides (non-fasting)</source>
        <translation>Triglycerides (non-fasting)</translation>
    </message>
    <message>
        <source>HDL cholesterol</source>
        <translation>HDL cholesterol</translation>
    </message>
    <message>
        <source>LDL cholesterol</source>
        <translation>LDL cholesterol</translation>
    </message>
    <message>
        <source>Non-HDL cholesterol</source>
        <translation>Non-HDL cholesterol</translation>
    </message>
    <message>
        <source>Creatinine</source>
        <translation>Creatinine</translation>
    </message>
    <message>
        <source>Uric acid</source>
        <translation>Uric acid</translation>
    </message>
    <message>
        <source>Haemoglobin</source>
        <translation>Haemoglobin</translation>
    </message>
    <message>
        <source>Urine protein</source>
        <translation>Urine protein</translation>
    </message>
    <message>
        <source>Urine glucose</source>
        <translation>Urine glucose</translation>
    </message>
    <message>
        <source>Referral</source>
        <translation>Referral</translation>
    </message>
    <message>
        <source>Guidance</source>
        <translation>Guidance</translation>
    </message>
    <message>
        <source>Male</source>
        <translation>Male</translation>
    </message>
    <message>
        <source>Female</source>
        <translation>Female</translation>
    </message>
    <message>
        <source>Sex not recorded</source>
        <translation>Sex not recorded</translation>
    </message>
    <message>
        <source>Health record summary for the doctor</source>
        <translation>Health record summary for the doctor</translation>
    </message>
    <message>
        <source>Made on {date} {time}</source>
        <translation>Made on {date} {time}</translation>
    </message>
    <message>
        <source>born {date} (age {age})</source>
        <translation>born {date} (age {age})</translation>
    </message>
    <message>
        <source>birth date not recorded</source>
        <translation>birth date not recorded</translation>
    </message>
    <message>
        <source>Period: {start} – {end}</source>
        <translation>Period: {start} – {end}</translation>
    </message>
    <message>
        <source> and {n} more</source>
        <translation> and {n} more</translation>
    </message>
    <message>
        <source>{kind} ({count}): {sources}</source>
        <translation>{kind} ({count}): {sources}</translation>
    </message>
    <message>
        <source>Data sources: {list}</source>
        <translation>Data sources: {list}</translation>
    </message>
    <message>
        <source>no records in this period</source>
        <translation>no records in this period</translation>
    </message>
    <message>
        <source>{sys}/{dia} mmHg</source>
        <translation>{sys}/{dia} mmHg</translation>
    </message>
    <message>
        <source>{days} days in the last 14</source>
        <translation>{days} days in the last 14</translation>
    </message>
    <message>
        <source>Not enough days</source>
        <translation>Not enough days</translation>
    </message>
    <message>
        <source>{days} of {need} days needed ({more} more)</source>
        <translation>{days} of {need} days needed ({more} more)</translation>
    </message>
    <message>
        <source>{start} – {end}; per day the mean of the first two readings</source>
        <translation>{start} – {end}; per day the mean of the first two readings</translation>
    </message>
    <message>
        <source>JSH2019 home BP class ({name}), the higher of morning and evening.</source>
        <translation>JSH2019 home BP class ({name}), the higher of morning and evening.</translation>
    </message>
    <message>
        <source>? Not enough days to judge ({n} more days)</source>
        <translation>? Not enough days to judge ({n} more days)</translation>
    </message>
    <message>
        <source>Each of morning and evening needs at least 5 days.</source>
        <translation>Each of morning and evening needs at least 5 days.</translation>
    </message>
    <message>
        <source> By the guideline's standard (home 135/85 mmHg or more) this is in the range of high blood pressure.</source>
        <translation> By the guideline's standard (home 135/85 mmHg or more) this is in the range of high blood pressure.</translation>
    </message>
    <message>
        <source> Below the home threshold of 135/85 mmHg.</source>
        <translation> Below the home threshold of 135/85 mmHg.</translation>
    </message>
    <message>
        <source>Home blood pressure (last 14 days)</source>
        <translation>Home blood pressure (last 14 days)</translation>
    </message>
    <message>
        <source>No records of home blood pressure.</source>
        <translation>No records of home blood pressure.</translation>
    </message>
    <message>
        <source>Morning average</source>
        <translation>Morning average</translation>
    </message>
    <message>
        <source>Evening average</source>
        <translation>Evening average</translation>
    </message>
    <message>
        <source>Blood pressure, last 4 weeks</source>
        <translation>Blood pressure, last 4 weeks</translation>
    </message>
    <message>
        <source>{start} – {end}</source>
        <translation>{start} – {end}</translation>
    </message>
    <message>
        <source>No morning or evening readings in these 4 weeks.</source>
        <translation>No morning or evening readings in these 4 weeks.</translation>
    </message>
    <message>
        <source>Morning (upper: systolic, lower: diastolic)</source>
        <translation>Morning (upper: systolic, lower: diastolic)</translation>
    </message>
    <message>
        <source>Evening</source>
        <translation>Evening</translation>
    </message>
    <message>
        <source>Home threshold 135/85</source>
        <translation>Home threshold 135/85</translation>
    </message>
    <message>
        <source>Target 125/75</source>
        <translation>Target 125/75</translation>
    </message>
    <message>
        <source>Latest: {kg} kg ({date})</source>
        <translation>Latest: {kg} kg ({date})</translation>
    </message>
    <message>
        <source>7-day average: {kg}</source>
        <translation>7-day average: {kg}</translation>
    </message>
    <message>
        <source>{kg} kg</source>
        <translation>{kg} kg</translation>
    </message>
    <message>
        <source>no records in the last 7 days</source>
        <translation>no records in the last 7 days</translation>
    </message>
    <message>
        <source>Trend (4 weeks): {slope}</source>
        <translation>Trend (4 weeks): {slope}</translation>
    </message>
    <message>
        <source>{v} kg per week</source>
        <translation>{v} kg per week</translation>
    </message>
    <message>
        <source>not enough records</source>
        <translation>not enough records</translation>
    </message>
    <message>
        <source>No records</source>
        <translation>No records</translation>
    </message>
    <message>
        <source>7-day average: {n} steps</source>
        <translation>7-day average: {n} steps</translation>
    </message>
    <message>
        <source>Target {target} steps: {verdict}</source>
        <translation>Target {target} steps: {verdict}</translation>
    </message>
    <message>
        <source>● met</source>
        <translation>● met</translation>
    </message>
    <message>
        <source>▲ not met</source>
        <translation>▲ not met</translation>
    </message>
    <message>
        <source>Reached on {met} of {days} days {source}</source>
        <translation>Reached on {met} of {days} days {source}</translation>
    </message>
    <message>
        <source>(target from the user's settings)</source>
        <translation>(target from the user's settings)</translation>
    </message>
    <message>
        <source>(target: Health Japan 21, by age)</source>
        <translation>(target: Health Japan 21, by age)</translation>
    </message>
    <message>
        <source>No step target for this age</source>
        <translation>No step target for this age</translation>
    </message>
    <message>
        <source>No records in the last 7 days</source>
        <translation>No records in the last 7 days</translation>
    </message>
    <message>
        <source>Weight</source>
        <translation>Weight</translation>
    </message>
    <message>
        <source>Steps (main source per day)</source>
        <translation>Steps (main source per day)</translation>
    </message>
    <message>
        <source>as of {date}, from the dispensing records</source>
        <translation>as of {date}, from the dispensing records</translation>
    </message>
    <message>
        <source>⚠ The same ingredient (YJ {code}) is current from {n} prescribers: {names}</source>
        <translation>⚠ The same ingredient (YJ {code}) is current from {n} prescribers: {names}</translation>
    </message>
    <message>
        <source>unknown</source>
        <translation>unknown</translation>
    </message>
    <message>
        <source>Current medicines</source>
        <translation>Current medicines</translation>
    </message>
    <message>
        <source>No medicine current on this date (medication records: {n}).</source>
        <translation>No medicine current on this date (medication records: {n}).</translation>
    </message>
    <message>
        <source>No records of medicines.</source>
        <translation>No records of medicines.</translation>
    </message>
    <message>
        <source>Medicine</source>
        <translation>Medicine</translation>
    </message>
    <message>
        <source>Directions</source>
        <translation>Directions</translation>
    </message>
    <message>
        <source>Prescribed by</source>
        <translation>Prescribed by</translation>
    </message>
    <message>
        <source>dispensed {date}</source>
        <translation>dispensed {date}</translation>
    </message>
    <message>
        <source>… and {n} more</source>
        <translation>… and {n} more</translation>
    </message>
    <message>
        <source>allergy</source>
        <translation>allergy</translation>
    </message>
    <message>
        <source>adverse reaction</source>
        <translation>adverse reaction</translation>
    </message>
    <message>
        <source>history</source>
        <translation>history</translation>
    </message>
    <message>
        <source>other</source>
        <translation>other</translation>
    </message>
    <message>
        <source>, noted {date}</source>
        <translation>, noted {date}</translation>
    </message>
    <message>
        <source>No records (this does not mean there are none).</source>
        <translation>No records (this does not mean there are none).</translation>
    </message>
    <message>
        <source>Allergies and adverse reactions</source>
        <translation>Allergies and adverse reactions</translation>
    </message>
    <message>
        <source> (ref.)</source>
        <translation> (ref.)</translation>
    </message>
    <message>
        <source>◆ at or above the referral threshold (受診勧奨判定値)　▲ at or above the guidance threshold (保健指導判定値)　H/L: the checkup's own flag</source>
        <translation>◆ at or above the referral threshold (受診勧奨判定値)　▲ at or above the guidance threshold (保健指導判定値)　H/L: the checkup's own flag</translation>
    </message>
    <message>
        <source>Latest checkup: key values</source>
        <translation>Latest checkup: key values</translation>
    </message>
    <message>
        <source>No checkup results recorded.</source>
        <translation>No checkup results recorded.</translation>
    </message>
    <message>
        <source>The checkup has none of the key values.</source>
        <translation>The checkup has none of the key values.</translation>
    </message>
    <message>
        <source> (calc.)</source>
        <translation> (calc.)</translation>
    </message>
    <message>
        <source>Notes for the doctor</source>
        <translation>Notes for the doctor</translation>
    </message>
    <message>
        <source>(nothing written — space for notes)</source>
        <translation>(nothing written — space for notes)</translation>
    </message>
    <message>
        <source>Blood pressure, last 12 weeks</source>
        <translation>Blood pressure, last 12 weeks</translation>
    </message>
    <message>
        <source>Weight, last 12 weeks</source>
        <translation>Weight, last 12 weeks</translation>
    </message>
    <message>
        <source>daily mean</source>
        <translation>daily mean</translation>
    </message>
    <message>
        <source>7-day average</source>
        <translation>7-day average</translation>
    </message>
    <message>
        <source>Steps, last 4 weeks</source>
        <translation>Steps, last 4 weeks</translation>
    </message>
    <message>
        <source>target reached</source>
        <translation>target reached</translation>
    </message>
    <message>
        <source>below target</source>
        <translation>below target</translation>
    </message>
    <message>
        <source>target {n} steps</source>
        <translation>target {n} steps</translation>
    </message>
    <message>
        <source>Checkup: latest and previous</source>
        <translation>Checkup: latest and previous</translation>
    </message>
    <message>
        <source>Item</source>
        <translation>Item</translation>
    </message>
    <message>
        <source>Mark</source>
        <translation>Mark</translation>
    </message>
    <message>
        <source>Vaccinations (latest)</source>
        <translation>Vaccinations (latest)</translation>
    </message>
    <message>
        <source> (dose {n})</source>
        <translation> (dose {n})</translation>
    </message>
    <message>
        <source>Left out for space: {n} section(s).</source>
        <translation>Left out for space: {n} section(s).</translation>
    </message>
    <message>
        <source>This is a summary of what the person recorded, not a diagnosis. Classes apply the guidelines' thresholds for reference; please judge clinically.</source>
        <translation>This is a summary of what the person recorded, not a diagnosis. Classes apply the guidelines' thresholds for reference; please judge clinically.</translation>
    </message>
    <message>
        <source>Made with phrapp · {name}</source>
        <translation>Made with phrapp · {name}</translation>
    </message>
</context>
<context>
    <name>ProfileNameDialog</name>
    <message>
        <source>Add a person</source>
        <translation>Add a person</translation>
    </message>
    <message>
        <source>Name shown in phrapp (e.g. 母)</source>
        <translation>Name shown in phrapp (e.g. 母)</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>Add</source>
        <translation>Add</translation>
    </message>
</context>
<context>
    <name>RangeButtons</name>
    <message>
        <source>2 weeks</source>
        <translation>2 weeks</translation>
    </message>
    <message>
        <source>3 months</source>
        <translation>3 months</translation>
    </message>
    <message>
        <source>1 year</source>
        <translation>1 year</translation>
    </message>
    <message>
        <source>All</source>
        <translation>All</translation>
    </message>
</context>
<context>
    <name>RecordDialog</name>
    <message>
        <source>Cancel</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Save</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>Date</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>Time</translation>
    </message>
    <message>
        <source>{field} is in the future.</source>
        <translation>{field} is in the future.</translation>
    </message>
    <message>
        <source>{field} is outside the possible range.</source>
        <translation>{field} is outside the possible range.</translation>
    </message>
</context>
<context>
    <name>RecoveryKeyDialog</name>
    <message>
        <source>Recovery key</source>
        <translation>Recovery key</translation>
    </message>
    <message>
        <source>Your recovery key</source>
        <translation>Your recovery key</translation>
    </message>
    <message>
        <source>If you forget your passphrase, this key is the only way to open your vault. Save or print it now and keep it somewhere safe. It will not be shown again.</source>
        <translation>If you forget your passphrase, this key is the only way to open your vault. Save or print it now and keep it somewhere safe. It will not be shown again.</translation>
    </message>
    <message>
        <source>Copy</source>
        <translation>Copy</translation>
    </message>
    <message>
        <source>Save to a file…</source>
        <translation>Save to a file…</translation>
    </message>
    <message>
        <source>Print…</source>
        <translation>Print…</translation>
    </message>
    <message>
        <source>I have saved the recovery key in a safe place</source>
        <translation>I have saved the recovery key in a safe place</translation>
    </message>
    <message>
        <source>Continue</source>
        <translation>Continue</translation>
    </message>
    <message>
        <source>phrapp recovery key

{key}

With this key you can open your phrapp vault if you forget the passphrase.
Keep it somewhere safe and private.
</source>
        <translation>phrapp recovery key

{key}

With this key you can open your phrapp vault if you forget the passphrase.
Keep it somewhere safe and private.
</translation>
    </message>
    <message>
        <source>Copied. The clipboard is cleared in one minute.</source>
        <translation>Copied. The clipboard is cleared in one minute.</translation>
    </message>
    <message>
        <source>Saved to {path}</source>
        <translation>Saved to {path}</translation>
    </message>
    <message>
        <source>Save the recovery key</source>
        <translation>Save the recovery key</translation>
    </message>
    <message>
        <source>Text files (*.txt)</source>
        <translation>Text files (*.txt)</translation>
    </message>
    <message>
        <source>Sent to the printer.</source>
        <translation>Sent to the printer.</translation>
    </message>
</context>
<context>
    <name>SettingsPage</name>
    <message>
        <source>Settings</source>
        <translation>Settings</translation>
    </message>
    <message>
        <source>Display and safety</source>
        <translation>Display and safety</translation>
    </message>
    <message>
        <source>Follow the system</source>
        <translation>Follow the system</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>Language</translation>
    </message>
    <message>
        <source>Standard</source>
        <translation>Standard</translation>
    </message>
    <message>
        <source>Large</source>
        <translation>Large</translation>
    </message>
    <message>
        <source>Extra large</source>
        <translation>Extra large</translation>
    </message>
    <message>
        <source>Text size</source>
        <translation>Text size</translation>
    </message>
    <message>
        <source> min</source>
        <translation> min</translation>
    </message>
    <message>
        <source>Lock after no use for</source>
        <translation>Lock after no use for</translation>
    </message>
    <message>
        <source>Home time zone for new people</source>
        <translation>Home time zone for new people</translation>
    </message>
    <message>
        <source> steps</source>
        <translation> steps</translation>
    </message>
    <message>
        <source>Daily step target</source>
        <translation>Daily step target</translation>
    </message>
    <message>
        <source>Save settings</source>
        <translation>Save settings</translation>
    </message>
    <message>
        <source>People in this vault</source>
        <translation>People in this vault</translation>
    </message>
    <message>
        <source>Add a person…</source>
        <translation>Add a person…</translation>
    </message>
    <message>
        <source>About your health</source>
        <translation>About your health</translation>
    </message>
    <message>
        <source>Your answers to the health questions and your goals are used on the overview. They are stored encrypted in this vault.</source>
        <translation>Your answers to the health questions and your goals are used on the overview. They are stored encrypted in this vault.</translation>
    </message>
    <message>
        <source>Health questions…</source>
        <translation>Health questions…</translation>
    </message>
    <message>
        <source>Goals…</source>
        <translation>Goals…</translation>
    </message>
    <message>
        <source>Unknown time zone. Choose one from the list.</source>
        <translation>Unknown time zone. Choose one from the list.</translation>
    </message>
    <message>
        <source>Saved.</source>
        <translation>Saved.</translation>
    </message>
    <message>
        <source>, </source>
        <translation>, </translation>
    </message>
    <message>
        <source>Added {name}. Choose them at the top to see their records.</source>
        <translation>Added {name}. Choose them at the top to see their records.</translation>
    </message>
</context>
<context>
    <name>SharePassphraseDialog</name>
    <message>
        <source>Passphrase of the share file</source>
        <translation>Passphrase of the share file</translation>
    </message>
    <message>
        <source>“{file}” is an encrypted share file. Enter the passphrase the patient told you (by phone or in person).</source>
        <translation>“{file}” is an encrypted share file. Enter the passphrase the patient told you (by phone or in person).</translation>
    </message>
    <message>
        <source>The file did not open with this passphrase: either the passphrase is not correct or the file is damaged. Check the passphrase and try again.</source>
        <translation>The file did not open with this passphrase: either the passphrase is not correct or the file is damaged. Check the passphrase and try again.</translation>
    </message>
    <message>
        <source>Passphrase</source>
        <translation>Passphrase</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>Open</translation>
    </message>
</context>
<context>
    <name>StepsChart</name>
    <message>
        <source>steps</source>
        <translation>steps</translation>
    </message>
    <message>
        <source>Target met</source>
        <translation>Target met</translation>
    </message>
    <message>
        <source>Below target</source>
        <translation>Below target</translation>
    </message>
    <message>
        <source>Weekly average</source>
        <translation>Weekly average</translation>
    </message>
    <message>
        <source>Target {steps} steps</source>
        <translation>Target {steps} steps</translation>
    </message>
    <message>
        <source>{steps} steps</source>
        <translation>{steps} steps</translation>
    </message>
</context>
<context>
    <name>StepsDialog</name>
    <message>
        <source>Add steps</source>
        <translation>Add steps</translation>
    </message>
    <message>
        <source>Edit steps</source>
        <translation>Edit steps</translation>
    </message>
    <message>
        <source> steps</source>
        <translation> steps</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>Date</translation>
    </message>
    <message>
        <source>Steps</source>
        <translation>Steps</translation>
    </message>
    <message>
        <source>If you already entered steps for this day, the new count replaces them (you can undo).</source>
        <translation>If you already entered steps for this day, the new count replaces them (you can undo).</translation>
    </message>
</context>
<context>
    <name>StepsPage</name>
    <message>
        <source>Steps</source>
        <translation>Steps</translation>
    </message>
    <message>
        <source>No step counts yet</source>
        <translation>No step counts yet</translation>
    </message>
    <message>
        <source>Enter the steps of a day from your pedometer or phone. Daily bars show whether you reached your target.</source>
        <translation>Enter the steps of a day from your pedometer or phone. Daily bars show whether you reached your target.</translation>
    </message>
    <message>
        <source>Latest day</source>
        <translation>Latest day</translation>
    </message>
    <message>
        <source>7-day average</source>
        <translation>7-day average</translation>
    </message>
    <message>
        <source>Days on target (7 days)</source>
        <translation>Days on target (7 days)</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>Date</translation>
    </message>
    <message>
        <source>Target</source>
        <translation>Target</translation>
    </message>
    <message>
        <source>Met</source>
        <translation>Met</translation>
    </message>
    <message>
        <source>Not met</source>
        <translation>Not met</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>Source</translation>
    </message>
    <message>
        <source>Used for the day</source>
        <translation>Used for the day</translation>
    </message>
    <message>
        <source>Yes</source>
        <translation>Yes</translation>
    </message>
    <message>
        <source>{steps} steps</source>
        <translation>{steps} steps</translation>
    </message>
    <message>
        <source>No step counts in the last 7 days</source>
        <translation>No step counts in the last 7 days</translation>
    </message>
    <message>
        <source>{met} of {days} days</source>
        <translation>{met} of {days} days</translation>
    </message>
    <message>
        <source>Target: {steps} steps</source>
        <translation>Target: {steps} steps</translation>
    </message>
</context>
<context>
    <name>Strength</name>
    <message>
        <source>Very weak</source>
        <translation>Very weak</translation>
    </message>
    <message>
        <source>Weak</source>
        <translation>Weak</translation>
    </message>
    <message>
        <source>Fair</source>
        <translation>Fair</translation>
    </message>
    <message>
        <source>Strong</source>
        <translation>Strong</translation>
    </message>
    <message>
        <source>Very strong</source>
        <translation>Very strong</translation>
    </message>
    <message>
        <source>Use at least 12 characters, e.g. several unrelated words.</source>
        <translation>Use at least 12 characters, e.g. several unrelated words.</translation>
    </message>
    <message>
        <source>Long enough, but easy to guess. Unrelated words are better.</source>
        <translation>Long enough, but easy to guess. Unrelated words are better.</translation>
    </message>
    <message>
        <source>Good. Write it down somewhere safe.</source>
        <translation>Good. Write it down somewhere safe.</translation>
    </message>
</context>
<context>
    <name>TimeChart</name>
    <message>
        <source>Average of several readings: {value}</source>
        <translation>Average of several readings: {value}</translation>
    </message>
</context>
<context>
    <name>VaultWindow</name>
    <message>
        <source>Open your vault</source>
        <translation>Open your vault</translation>
    </message>
    <message>
        <source>Your records are encrypted. Enter your passphrase to see them.</source>
        <translation>Your records are encrypted. Enter your passphrase to see them.</translation>
    </message>
    <message>
        <source>Passphrase</source>
        <translation>Passphrase</translation>
    </message>
    <message>
        <source>Use the recovery key instead</source>
        <translation>Use the recovery key instead</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>Open</translation>
    </message>
    <message>
        <source>Vault folder: {path}</source>
        <translation>Vault folder: {path}</translation>
    </message>
    <message>
        <source>Recovery key</source>
        <translation>Recovery key</translation>
    </message>
    <message>
        <source>Enter your passphrase.</source>
        <translation>Enter your passphrase.</translation>
    </message>
    <message>
        <source>The recovery key is not correct.</source>
        <translation>The recovery key is not correct.</translation>
    </message>
    <message>
        <source>Create your vault</source>
        <translation>Create your vault</translation>
    </message>
    <message>
        <source>phrapp keeps your health records encrypted in a vault on this computer. Choose a passphrase: several unrelated words are easy to remember and hard to guess.</source>
        <translation>phrapp keeps your health records encrypted in a vault on this computer. Choose a passphrase: several unrelated words are easy to remember and hard to guess.</translation>
    </message>
    <message>
        <source>Passphrase again</source>
        <translation>Passphrase again</translation>
    </message>
    <message>
        <source>Show the passphrase</source>
        <translation>Show the passphrase</translation>
    </message>
    <message>
        <source>Your name in phrapp</source>
        <translation>Your name in phrapp</translation>
    </message>
    <message>
        <source>Me</source>
        <translation>Me</translation>
    </message>
    <message>
        <source>I understand: if I forget the passphrase and lose the recovery key, nobody can open my records.</source>
        <translation>I understand: if I forget the passphrase and lose the recovery key, nobody can open my records.</translation>
    </message>
    <message>
        <source>Create the vault</source>
        <translation>Create the vault</translation>
    </message>
    <message>
        <source>The two passphrases are different.</source>
        <translation>The two passphrases are different.</translation>
    </message>
    <message>
        <source>Creating the vault…</source>
        <translation>Creating the vault…</translation>
    </message>
    <message>
        <source>Locked</source>
        <translation>Locked</translation>
    </message>
    <message>
        <source>This is the demo with made-up data, so no passphrase is needed. Your own vault asks for its passphrase here.</source>
        <translation>This is the demo with made-up data, so no passphrase is needed. Your own vault asks for its passphrase here.</translation>
    </message>
    <message>
        <source>Show the demo again</source>
        <translation>Show the demo again</translation>
    </message>
</context>
<context>
    <name>VisitDialog</name>
    <message>
        <source>Record a doctor's visit</source>
        <translation>Record a doctor's visit</translation>
    </message>
    <message>
        <source>About</source>
        <translation>About</translation>
    </message>
    <message>
        <source>Date of the visit</source>
        <translation>Date of the visit</translation>
    </message>
    <message>
        <source>optional, e.g. the clinic's name</source>
        <translation>optional, e.g. the clinic's name</translation>
    </message>
    <message>
        <source>Clinic or hospital</source>
        <translation>Clinic or hospital</translation>
    </message>
</context>
<context>
    <name>Vitals</name>
    <message>
        <source>Morning</source>
        <translation>Morning</translation>
    </message>
    <message>
        <source>Evening</source>
        <translation>Evening</translation>
    </message>
    <message>
        <source>Other</source>
        <translation>Other</translation>
    </message>
    <message>
        <source>{start} – {end}</source>
        <translation>{start} – {end}</translation>
    </message>
</context>
<context>
    <name>WeightChart</name>
    <message>
        <source>Weight</source>
        <translation>Weight</translation>
    </message>
    <message>
        <source>7-day average</source>
        <translation>7-day average</translation>
    </message>
    <message>
        <source>{kg} kg</source>
        <translation>{kg} kg</translation>
    </message>
    <message>
        <source>Body fat {pct} %</source>
        <translation>Body fat {pct} %</translation>
    </message>
</context>
<context>
    <name>WeightDialog</name>
    <message>
        <source>Add a weight</source>
        <translation>Add a weight</translation>
    </message>
    <message>
        <source>Edit a weight</source>
        <translation>Edit a weight</translation>
    </message>
    <message>
        <source>not entered</source>
        <translation>not entered</translation>
    </message>
    <message>
        <source>Weight</source>
        <translation>Weight</translation>
    </message>
    <message>
        <source>Body fat %</source>
        <translation>Body fat %</translation>
    </message>
    <message>
        <source>Date and time</source>
        <translation>Date and time</translation>
    </message>
</context>
<context>
    <name>WeightPage</name>
    <message>
        <source>Weight</source>
        <translation>Weight</translation>
    </message>
    <message>
        <source>No weight records yet</source>
        <translation>No weight records yet</translation>
    </message>
    <message>
        <source>Weigh yourself at the same time of day, e.g. after getting up. Daily points and a 7-day average appear here.</source>
        <translation>Weigh yourself at the same time of day, e.g. after getting up. Daily points and a 7-day average appear here.</translation>
    </message>
    <message>
        <source>Latest weight</source>
        <translation>Latest weight</translation>
    </message>
    <message>
        <source>7-day average</source>
        <translation>7-day average</translation>
    </message>
    <message>
        <source>Weighings in 7 days</source>
        <translation>Weighings in 7 days</translation>
    </message>
    <message>
        <source>Date and time</source>
        <translation>Date and time</translation>
    </message>
    <message>
        <source>Weight (kg)</source>
        <translation>Weight (kg)</translation>
    </message>
    <message>
        <source>Body fat (%)</source>
        <translation>Body fat (%)</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>Source</translation>
    </message>
    <message>
        <source>{kg} kg</source>
        <translation>{kg} kg</translation>
    </message>
    <message>
        <source>No weighings in the last 7 days</source>
        <translation>No weighings in the last 7 days</translation>
    </message>
    <message>
        <source>{count} times</source>
        <translation>{count} times</translation>
    </message>
    <message>
        <source>{total} weighings in all</source>
        <translation>{total} weighings in all</translation>
    </message>
</context>
<context>
    <name>WhyDialog</name>
    <message>
        <source>Why? {card}</source>
        <translation>Why? {card}</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Close</translation>
    </message>
</context>
<context>
    <name>Words</name>
    <message>
        <source>In range</source>
        <translation>In range</translation>
    </message>
    <message>
        <source>Guidance</source>
        <translation>Guidance</translation>
    </message>
    <message>
        <source>Referral</source>
        <translation>Referral</translation>
    </message>
    <message>
        <source>{word} (ref.)</source>
        <translation>{word} (ref.)</translation>
    </message>
    <message>
        <source>Meets the criteria</source>
        <translation>Meets the criteria</translation>
    </message>
    <message>
        <source>Borderline (pre-syndrome)</source>
        <translation>Borderline (pre-syndrome)</translation>
    </message>
    <message>
        <source>Does not meet the criteria</source>
        <translation>Does not meet the criteria</translation>
    </message>
    <message>
        <source>Could not be judged</source>
        <translation>Could not be judged</translation>
    </message>
    <message>
        <source>Intensive support</source>
        <translation>Intensive support</translation>
    </message>
    <message>
        <source>Motivational support</source>
        <translation>Motivational support</translation>
    </message>
    <message>
        <source>No support needed</source>
        <translation>No support needed</translation>
    </message>
    <message>
        <source>By the guideline's standard this is at the referral threshold ({threshold}). Please talk to your doctor about it.</source>
        <translation>By the guideline's standard this is at the referral threshold ({threshold}). Please talk to your doctor about it.</translation>
    </message>
    <message>
        <source>By the guideline's standard this is at the guidance threshold ({threshold}): a level where lifestyle advice is offered.</source>
        <translation>By the guideline's standard this is at the guidance threshold ({threshold}): a level where lifestyle advice is offered.</translation>
    </message>
    <message>
        <source>The guideline gives no threshold for this item.</source>
        <translation>The guideline gives no threshold for this item.</translation>
    </message>
    <message>
        <source>Below the guidance threshold: within the range the guideline considers normal.</source>
        <translation>Below the guidance threshold: within the range the guideline considers normal.</translation>
    </message>
    <message>
        <source>High (H)</source>
        <translation>High (H)</translation>
    </message>
    <message>
        <source>Low (L)</source>
        <translation>Low (L)</translation>
    </message>
    <message>
        <source>Normal (N)</source>
        <translation>Normal (N)</translation>
    </message>
    <message>
        <source>Height</source>
        <translation>Height</translation>
    </message>
    <message>
        <source>Weight</source>
        <translation>Weight</translation>
    </message>
    <message>
        <source>BMI</source>
        <translation>BMI</translation>
    </message>
    <message>
        <source>Waist (measured)</source>
        <translation>Waist (measured)</translation>
    </message>
    <message>
        <source>Waist (self-judged)</source>
        <translation>Waist (self-judged)</translation>
    </message>
    <message>
        <source>Waist (self-reported)</source>
        <translation>Waist (self-reported)</translation>
    </message>
    <message>
        <source>Visceral fat area</source>
        <translation>Visceral fat area</translation>
    </message>
    <message>
        <source>Systolic BP</source>
        <translation>Systolic BP</translation>
    </message>
    <message>
        <source>Systolic BP (1st)</source>
        <translation>Systolic BP (1st)</translation>
    </message>
    <message>
        <source>Systolic BP (2nd)</source>
        <translation>Systolic BP (2nd)</translation>
    </message>
    <message>
        <source>Diastolic BP</source>
        <translation>Diastolic BP</translation>
    </message>
    <message>
        <source>Diastolic BP (1st)</source>
        <translation>Diastolic BP (1st)</translation>
    </message>
    <message>
        <source>Diastolic BP (2nd)</source>
        <translation>Diastolic BP (2nd)</translation>
    </message>
    <message>
        <source>Time since the last meal</source>
        <translation>Time since the last meal</translation>
    </message>
    <message>
        <source>Triglycerides (fasting)</source>
        <translation>Triglycerides (fasting)</translation>
    </message>
    <message>
        <source>Triglycerides (non-fasting)</source>
        <translation>Triglycerides (non-fasting)</translation>
    </message>
    <message>
        <source>HDL cholesterol</source>
        <translation>HDL cholesterol</translation>
    </message>
    <message>
        <source>LDL cholesterol</source>
        <translation>LDL cholesterol</translation>
    </message>
    <message>
        <source>Non-HDL cholesterol</source>
        <translation>Non-HDL cholesterol</translation>
    </message>
    <message>
        <source>AST (GOT)</source>
        <translation>AST (GOT)</translation>
    </message>
    <message>
        <source>ALT (GPT)</source>
        <translation>ALT (GPT)</translation>
    </message>
    <message>
        <source>γ-GT (γ-GTP)</source>
        <translation>γ-GT (γ-GTP)</translation>
    </message>
    <message>
        <source>Serum creatinine</source>
        <translation>Serum creatinine</translation>
    </message>
    <message>
        <source>eGFR</source>
        <translation>eGFR</translation>
    </message>
    <message>
        <source>Uric acid</source>
        <translation>Uric acid</translation>
    </message>
    <message>
        <source>Fasting glucose</source>
        <translation>Fasting glucose</translation>
    </message>
    <message>
        <source>Non-fasting glucose</source>
        <translation>Non-fasting glucose</translation>
    </message>
    <message>
        <source>HbA1c (NGSP)</source>
        <translation>HbA1c (NGSP)</translation>
    </message>
    <message>
        <source>Urine glucose</source>
        <translation>Urine glucose</translation>
    </message>
    <message>
        <source>Urine protein</source>
        <translation>Urine protein</translation>
    </message>
    <message>
        <source>Haemoglobin</source>
        <translation>Haemoglobin</translation>
    </message>
    <message>
        <source>Haematocrit</source>
        <translation>Haematocrit</translation>
    </message>
    <message>
        <source>Red blood cells</source>
        <translation>Red blood cells</translation>
    </message>
    <message>
        <source>Past illnesses</source>
        <translation>Past illnesses</translation>
    </message>
    <message>
        <source>Symptoms you noticed</source>
        <translation>Symptoms you noticed</translation>
    </message>
    <message>
        <source>Findings of the doctor</source>
        <translation>Findings of the doctor</translation>
    </message>
    <message>
        <source>Medicine for blood pressure</source>
        <translation>Medicine for blood pressure</translation>
    </message>
    <message>
        <source>Medicine for blood glucose</source>
        <translation>Medicine for blood glucose</translation>
    </message>
    <message>
        <source>Medicine for cholesterol</source>
        <translation>Medicine for cholesterol</translation>
    </message>
    <message>
        <source>Smoking</source>
        <translation>Smoking</translation>
    </message>
    <message>
        <source>Drinking</source>
        <translation>Drinking</translation>
    </message>
    <message>
        <source>Amount of alcohol</source>
        <translation>Amount of alcohol</translation>
    </message>
    <message>
        <source>Metabolic syndrome</source>
        <translation>Metabolic syndrome</translation>
    </message>
    <message>
        <source>Health guidance level</source>
        <translation>Health guidance level</translation>
    </message>
    <message>
        <source>Doctor's judgement</source>
        <translation>Doctor's judgement</translation>
    </message>
    <message>
        <source>Doctor's name</source>
        <translation>Doctor's name</translation>
    </message>
    <message>
        <source>Body measurements</source>
        <translation>Body measurements</translation>
    </message>
    <message>
        <source>Examination</source>
        <translation>Examination</translation>
    </message>
    <message>
        <source>Blood pressure</source>
        <translation>Blood pressure</translation>
    </message>
    <message>
        <source>Blood sample</source>
        <translation>Blood sample</translation>
    </message>
    <message>
        <source>Blood chemistry</source>
        <translation>Blood chemistry</translation>
    </message>
    <message>
        <source>Blood glucose</source>
        <translation>Blood glucose</translation>
    </message>
    <message>
        <source>Urine</source>
        <translation>Urine</translation>
    </message>
    <message>
        <source>Blood count</source>
        <translation>Blood count</translation>
    </message>
    <message>
        <source>Questionnaire</source>
        <translation>Questionnaire</translation>
    </message>
    <message>
        <source>Other items</source>
        <translation>Other items</translation>
    </message>
    <message>
        <source>Not done</source>
        <translation>Not done</translation>
    </message>
    <message>
        <source>Could not be measured</source>
        <translation>Could not be measured</translation>
    </message>
    <message>
        <source>Normal</source>
        <translation>Normal</translation>
    </message>
    <message>
        <source>Slightly high</source>
        <translation>Slightly high</translation>
    </message>
    <message>
        <source>High</source>
        <translation>High</translation>
    </message>
    <message>
        <source>High blood pressure (grade I)</source>
        <translation>High blood pressure (grade I)</translation>
    </message>
    <message>
        <source>High blood pressure (grade II)</source>
        <translation>High blood pressure (grade II)</translation>
    </message>
    <message>
        <source>High blood pressure (grade III)</source>
        <translation>High blood pressure (grade III)</translation>
    </message>
    <message>
        <source>Steps</source>
        <translation>Steps</translation>
    </message>
    <message>
        <source>Lab results</source>
        <translation>Lab results</translation>
    </message>
    <message>
        <source>Checkup results</source>
        <translation>Checkup results</translation>
    </message>
    <message>
        <source>Medicines</source>
        <translation>Medicines</translation>
    </message>
    <message>
        <source>Allergies</source>
        <translation>Allergies</translation>
    </message>
    <message>
        <source>Vaccinations</source>
        <translation>Vaccinations</translation>
    </message>
    <message>
        <source>Health background</source>
        <translation>Health background</translation>
    </message>
    <message>
        <source>Follow-up visits</source>
        <translation>Follow-up visits</translation>
    </message>
    <message>
        <source>{kind}: {count}</source>
        <translation>{kind}: {count}</translation>
    </message>
    <message>
        <source>, </source>
        <translation>, </translation>
    </message>
    <message>
        <source>Specific health checkup results (特定健診 XML)</source>
        <translation>Specific health checkup results (特定健診 XML)</translation>
    </message>
    <message>
        <source>Medication record (お薬手帳 JAHIS file)</source>
        <translation>Medication record (お薬手帳 JAHIS file)</translation>
    </message>
    <message>
        <source>Medication record (お薬手帳 QR code)</source>
        <translation>Medication record (お薬手帳 QR code)</translation>
    </message>
    <message>
        <source>Health data exchange CSV (健康情報等交換規約)</source>
        <translation>Health data exchange CSV (健康情報等交換規約)</translation>
    </message>
    <message>
        <source>OMRON connect CSV</source>
        <translation>OMRON connect CSV</translation>
    </message>
    <message>
        <source>Tanita Health Planet data</source>
        <translation>Tanita Health Planet data</translation>
    </message>
    <message>
        <source>Apple Health export</source>
        <translation>Apple Health export</translation>
    </message>
    <message>
        <source>CSV file (columns assigned)</source>
        <translation>CSV file (columns assigned)</translation>
    </message>
    <message>
        <source>phrapp CSV export</source>
        <translation>phrapp CSV export</translation>
    </message>
    <message>
        <source>FHIR file</source>
        <translation>FHIR file</translation>
    </message>
    <message>
        <source>phrapp share package</source>
        <translation>phrapp share package</translation>
    </message>
    <message>
        <source>probably the same reading from another device or app</source>
        <translation>probably the same reading from another device or app</translation>
    </message>
    <message>
        <source>an older version than the one already stored</source>
        <translation>an older version than the one already stored</translation>
    </message>
    <message>
        <source>a value outside the possible range</source>
        <translation>a value outside the possible range</translation>
    </message>
    <message>
        <source>files in the archive that are not checkup results</source>
        <translation>files in the archive that are not checkup results</translation>
    </message>
    <message>
        <source>a required value is missing</source>
        <translation>a required value is missing</translation>
    </message>
    <message>
        <source>a date or time that cannot be read</source>
        <translation>a date or time that cannot be read</translation>
    </message>
    <message>
        <source>an unknown time zone</source>
        <translation>an unknown time zone</translation>
    </message>
    <message>
        <source>an entry that cannot be read</source>
        <translation>an entry that cannot be read</translation>
    </message>
    <message>
        <source>entries that contradict each other</source>
        <translation>entries that contradict each other</translation>
    </message>
    <message>
        <source>a blood pressure without both values</source>
        <translation>a blood pressure without both values</translation>
    </message>
    <message>
        <source>a weighing without a value</source>
        <translation>a weighing without a value</translation>
    </message>
    <message>
        <source>a step count without a value</source>
        <translation>a step count without a value</translation>
    </message>
    <message>
        <source>body composition without a weight</source>
        <translation>body composition without a weight</translation>
    </message>
    <message>
        <source>a day without a step count</source>
        <translation>a day without a step count</translation>
    </message>
    <message>
        <source>copies of blood pressure values already counted</source>
        <translation>copies of blood pressure values already counted</translation>
    </message>
    <message>
        <source>body fat without a weight at the same time</source>
        <translation>body fat without a weight at the same time</translation>
    </message>
    <message>
        <source>kinds of data phrapp does not keep</source>
        <translation>kinds of data phrapp does not keep</translation>
    </message>
    <message>
        <source>a unit phrapp cannot convert</source>
        <translation>a unit phrapp cannot convert</translation>
    </message>
    <message>
        <source>workouts</source>
        <translation>workouts</translation>
    </message>
    <message>
        <source>activity summaries</source>
        <translation>activity summaries</translation>
    </message>
    <message>
        <source>clinical records</source>
        <translation>clinical records</translation>
    </message>
    <message>
        <source>entries marked as entered in error</source>
        <translation>entries marked as entered in error</translation>
    </message>
    <message>
        <source>results that are not final</source>
        <translation>results that are not final</translation>
    </message>
    <message>
        <source>records that are not completed</source>
        <translation>records that are not completed</translation>
    </message>
    <message>
        <source>observations phrapp does not keep</source>
        <translation>observations phrapp does not keep</translation>
    </message>
    <message>
        <source>measurements phrapp does not keep</source>
        <translation>measurements phrapp does not keep</translation>
    </message>
    <message>
        <source>a dispensing without medicines</source>
        <translation>a dispensing without medicines</translation>
    </message>
    <message>
        <source>an OTC medicine without a name</source>
        <translation>an OTC medicine without a name</translation>
    </message>
    <message>
        <source>an OTC medicine without a date</source>
        <translation>an OTC medicine without a date</translation>
    </message>
    <message>
        <source>empty notes</source>
        <translation>empty notes</translation>
    </message>
</context>
</TS>
