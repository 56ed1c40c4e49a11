<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ja_JP" sourcelanguage="en">
<context>
    <name>AllergyDialog</name>
    <message>
        <source>Add an allergy or adverse reaction</source>
        <translation>アレルギー・副作用を追加</translation>
    </message>
    <message>
        <source>Edit an allergy or adverse reaction</source>
        <translation>アレルギー・副作用を編集</translation>
    </message>
    <message>
        <source>e.g. ペニシリン系で発疹</source>
        <translation>例: ペニシリン系で発疹</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>種類</translation>
    </message>
    <message>
        <source>What happened</source>
        <translation>内容</translation>
    </message>
    <message>
        <source>Noted on</source>
        <translation>記録日</translation>
    </message>
    <message>
        <source>Describe the allergy or reaction.</source>
        <translation>アレルギーや副作用の内容を入力してください。</translation>
    </message>
</context>
<context>
    <name>BackgroundDialog</name>
    <message>
        <source>Health questions</source>
        <translation>健康状態の質問</translation>
    </message>
    <message>
        <source>Your answers are used for the 10-year risk and the checkup rules. Leave a question unanswered if you are not sure.</source>
        <translation>回答は10年リスクと健診の判定に使います。わからない質問は「未回答」のままにしてください。</translation>
    </message>
    <message>
        <source>Not answered</source>
        <translation>未回答</translation>
    </message>
    <message>
        <source>I smoke</source>
        <translation>吸う</translation>
    </message>
    <message>
        <source>I used to smoke</source>
        <translation>以前吸っていた</translation>
    </message>
    <message>
        <source>I have never smoked</source>
        <translation>吸わない</translation>
    </message>
    <message>
        <source>Smoking</source>
        <translation>喫煙</translation>
    </message>
    <message>
        <source>Taking medicine for blood pressure</source>
        <translation>血圧を下げる薬を飲んでいる</translation>
    </message>
    <message>
        <source>Taking medicine for blood sugar</source>
        <translation>血糖を下げる薬(インスリン注射を含む)を使っている</translation>
    </message>
    <message>
        <source>Taking medicine for cholesterol</source>
        <translation>コレステロールや中性脂肪を下げる薬を飲んでいる</translation>
    </message>
    <message>
        <source>Told by a doctor that you have diabetes</source>
        <translation>医師から糖尿病と言われたことがある</translation>
    </message>
    <message>
        <source>Told by a doctor that you have chronic kidney disease</source>
        <translation>医師から慢性腎臓病(CKD)と言われたことがある</translation>
    </message>
    <message>
        <source>Told by a doctor that you have peripheral artery disease</source>
        <translation>医師から末梢動脈疾患と言われたことがある</translation>
    </message>
    <message>
        <source>Have had a heart attack, angina or a stroke</source>
        <translation>心筋梗塞・狭心症・脳梗塞になったことがある</translation>
    </message>
    <message>
        <source>A parent or sibling had early heart disease</source>
        <translation>親・兄弟姉妹が若くして心臓病になった</translation>
    </message>
    <message>
        <source>Yes</source>
        <translation>はい</translation>
    </message>
    <message>
        <source>No</source>
        <translation>いいえ</translation>
    </message>
</context>
<context>
    <name>Banner</name>
    <message>
        <source>Details</source>
        <translation>詳細</translation>
    </message>
</context>
<context>
    <name>BpChart</name>
    <message>
        <source>Systolic</source>
        <translation>最高血圧</translation>
    </message>
    <message>
        <source>Diastolic</source>
        <translation>最低血圧</translation>
    </message>
    <message>
        <source>Morning</source>
        <translation>朝</translation>
    </message>
    <message>
        <source>Evening</source>
        <translation>晩</translation>
    </message>
    <message>
        <source>Other time</source>
        <translation>その他の時間</translation>
    </message>
    <message>
        <source>Thick lines: weekly mean</source>
        <translation>太い線: 週の平均</translation>
    </message>
    <message>
        <source>Home BP threshold {sys}/{dia}</source>
        <translation>家庭血圧の基準 {sys}/{dia}</translation>
    </message>
    <message>
        <source>Target {sys}/{dia} (JSH2025)</source>
        <translation>降圧目標 {sys}/{dia} (JSH2025)</translation>
    </message>
    <message>
        <source>{sys}/{dia} mmHg</source>
        <translation>{sys}/{dia} mmHg</translation>
    </message>
    <message>
        <source>Pulse {pulse} /min</source>
        <translation>脈拍 {pulse} 回/分</translation>
    </message>
</context>
<context>
    <name>BpDialog</name>
    <message>
        <source>Add a blood pressure reading</source>
        <translation>血圧を記録する</translation>
    </message>
    <message>
        <source>Edit a blood pressure reading</source>
        <translation>血圧の記録を修正する</translation>
    </message>
    <message>
        <source>not entered</source>
        <translation>未入力</translation>
    </message>
    <message>
        <source> /min</source>
        <translation> 回/分</translation>
    </message>
    <message>
        <source>From the time</source>
        <translation>時刻から自動で判定</translation>
    </message>
    <message>
        <source>Morning</source>
        <translation>朝</translation>
    </message>
    <message>
        <source>Evening</source>
        <translation>晩</translation>
    </message>
    <message>
        <source>Other</source>
        <translation>その他</translation>
    </message>
    <message>
        <source>The monitor showed an irregular heartbeat</source>
        <translation>血圧計に不規則脈波 (不整脈) の表示が出た</translation>
    </message>
    <message>
        <source>Systolic</source>
        <translation>最高血圧</translation>
    </message>
    <message>
        <source>Diastolic</source>
        <translation>最低血圧</translation>
    </message>
    <message>
        <source>Pulse</source>
        <translation>脈拍</translation>
    </message>
    <message>
        <source>Morning / evening</source>
        <translation>朝/晩</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>メモ</translation>
    </message>
    <message>
        <source>Date and time</source>
        <translation>日時</translation>
    </message>
</context>
<context>
    <name>BpPage</name>
    <message>
        <source>Blood pressure</source>
        <translation>血圧</translation>
    </message>
    <message>
        <source>No blood pressure readings yet</source>
        <translation>血圧の記録はまだありません</translation>
    </message>
    <message>
        <source>Record your home blood pressure in the morning and evening. The chart and the 7-day average appear here.</source>
        <translation>朝と晩に家庭で測った血圧を記録しましょう。ここにグラフと7日間の平均が表示されます。</translation>
    </message>
    <message>
        <source>Latest reading</source>
        <translation>最新の測定値</translation>
    </message>
    <message>
        <source>7-day average</source>
        <translation>7日間の平均</translation>
    </message>
    <message>
        <source>Readings in 7 days</source>
        <translation>7日間の測定回数</translation>
    </message>
    <message>
        <source>Date and time</source>
        <translation>日時</translation>
    </message>
    <message>
        <source>Morning / evening</source>
        <translation>朝/晩</translation>
    </message>
    <message>
        <source>Systolic (mmHg)</source>
        <translation>最高血圧 (mmHg)</translation>
    </message>
    <message>
        <source>Diastolic (mmHg)</source>
        <translation>最低血圧 (mmHg)</translation>
    </message>
    <message>
        <source>Pulse (/min)</source>
        <translation>脈拍 (回/分)</translation>
    </message>
    <message>
        <source>Irregular pulse</source>
        <translation>不整脈</translation>
    </message>
    <message>
        <source>Yes</source>
        <translation>あり</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>入力元</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>メモ</translation>
    </message>
    <message>
        <source>{sys}/{dia} mmHg</source>
        <translation>{sys}/{dia} mmHg</translation>
    </message>
    <message>
        <source>No readings in the last 7 days</source>
        <translation>直近7日間の測定はありません</translation>
    </message>
    <message>
        <source>{count} readings</source>
        <translation>{count} 回</translation>
    </message>
    <message>
        <source>{total} readings in all</source>
        <translation>全部で {total} 回</translation>
    </message>
</context>
<context>
    <name>Changes</name>
    <message>
        <source>Saved. A value is unusual; please check it.</source>
        <translation>保存しました。ふだんと大きく違う値があります。確認してください。</translation>
    </message>
    <message>
        <source>Add record</source>
        <translation>記録を追加</translation>
    </message>
    <message>
        <source>Edit record</source>
        <translation>記録を修正</translation>
    </message>
    <message>
        <source>Delete {count} record(s)</source>
        <translation>{count} 件の記録を削除</translation>
    </message>
    <message>
        <source>Deleted {count} record(s). Press Ctrl+Z to undo.</source>
        <translation>{count} 件の記録を削除しました。Ctrl+Z で元に戻せます。</translation>
    </message>
    <message>
        <source>Change goals</source>
        <translation>目標の変更</translation>
    </message>
</context>
<context>
    <name>Charts</name>
    <message>
        <source>Entered by hand</source>
        <translation>手入力</translation>
    </message>
    <message>
        <source>Device</source>
        <translation>機器</translation>
    </message>
    <message>
        <source>Device value corrected</source>
        <translation>機器の値を修正</translation>
    </message>
    <message>
        <source>Checkup</source>
        <translation>健診</translation>
    </message>
    <message>
        <source>Imported</source>
        <translation>取り込み</translation>
    </message>
</context>
<context>
    <name>CheckupEntry</name>
    <message>
        <source>Body measurements</source>
        <translation>身体計測</translation>
    </message>
    <message>
        <source>Blood pressure</source>
        <translation>血圧</translation>
    </message>
    <message>
        <source>Lipids</source>
        <translation>脂質</translation>
    </message>
    <message>
        <source>Liver</source>
        <translation>肝機能</translation>
    </message>
    <message>
        <source>Blood glucose</source>
        <translation>血糖</translation>
    </message>
    <message>
        <source>Kidneys</source>
        <translation>腎機能</translation>
    </message>
    <message>
        <source>Urine</source>
        <translation>尿検査</translation>
    </message>
    <message>
        <source>Doctor's judgement</source>
        <translation>医師の判断</translation>
    </message>
</context>
<context>
    <name>CheckupEntryDialog</name>
    <message>
        <source>Enter a checkup by hand</source>
        <translation>健診結果を手入力する</translation>
    </message>
    <message>
        <source>Copy the values from your paper report. Leave empty what your report does not show; you can save with only a few values.</source>
        <translation>紙の結果表の値を書き写してください。結果表にない項目は空欄のままで構いません。いくつかの値だけでも保存できます。</translation>
    </message>
    <message>
        <source>e.g. the name on the report's letterhead</source>
        <translation>例: 結果表に印刷されている施設名</translation>
    </message>
    <message>
        <source>Exam date</source>
        <translation>受診日</translation>
    </message>
    <message>
        <source>Facility</source>
        <translation>健診機関</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>キャンセル</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>保存</translation>
    </message>
    <message>
        <source>Choose one of the values in the list.</source>
        <translation>一覧から選んでください。</translation>
    </message>
    <message>
        <source>Enter a number of 0 or more.</source>
        <translation>0 以上の数値を入力してください。</translation>
    </message>
    <message>
        <source>Enter a number, as on the report (format {pattern}).</source>
        <translation>結果表のとおり数値で入力してください (形式 {pattern})。</translation>
    </message>
    <message>
        <source>This value cannot be read.</source>
        <translation>この値は読み取れません。</translation>
    </message>
    <message>
        <source>Please correct the marked values.</source>
        <translation>赤字で示した値を直してください。</translation>
    </message>
    <message>
        <source>Enter at least one value from the report.</source>
        <translation>結果表の値を少なくとも 1 つ入力してください。</translation>
    </message>
    <message>
        <source>The exam date is in the future.</source>
        <translation>受診日が未来の日付になっています。</translation>
    </message>
    <message>
        <source>A value cannot be stored. Check the numbers.</source>
        <translation>保存できない値があります。数値を確かめてください。</translation>
    </message>
</context>
<context>
    <name>CheckupGridModel</name>
    <message>
        <source>Metabolic syndrome</source>
        <translation>メタボ判定</translation>
    </message>
    <message>
        <source>Health guidance level</source>
        <translation>保健指導レベル</translation>
    </message>
    <message>
        <source>Doctor's judgement</source>
        <translation>医師の判断</translation>
    </message>
    <message>
        <source>Doctor: {name}</source>
        <translation>医師: {name}</translation>
    </message>
    <message>
        <source>Reference only: this threshold is not confirmed.</source>
        <translation>参考: この判定値は確認できていません。</translation>
    </message>
    <message>
        <source>Item</source>
        <translation>項目</translation>
    </message>
    <message>
        <source>Entered by hand</source>
        <translation>手入力</translation>
    </message>
</context>
<context>
    <name>CheckupItemChart</name>
    <message>
        <source>Your value at each exam</source>
        <translation>各回の値</translation>
    </message>
    <message>
        <source>Lab tests (not checkups)</source>
        <translation>検査 (健診以外)</translation>
    </message>
</context>
<context>
    <name>CheckupsPage</name>
    <message>
        <source>from an imported file</source>
        <translation>ファイルから取り込み</translation>
    </message>
    <message>
        <source>Checkup results</source>
        <translation>健診結果</translation>
    </message>
    <message>
        <source>Import from a file</source>
        <translation>ファイルから取り込む</translation>
    </message>
    <message>
        <source>Add a lab value…</source>
        <translation>検査値を追加…</translation>
    </message>
    <message>
        <source>A blood test done between checkups, e.g. HbA1c at your clinic</source>
        <translation>健診と健診の間に受けた血液検査 (かかりつけ医での HbA1c など)</translation>
    </message>
    <message>
        <source>Enter by hand</source>
        <translation>手入力する</translation>
    </message>
    <message>
        <source>No checkup results yet</source>
        <translation>健診結果はまだありません</translation>
    </message>
    <message>
        <source>Your yearly checkups (特定健診) appear here side by side, each value marked against the guideline's thresholds. Import the result file from マイナポータル or your health insurer, or type in a paper report.</source>
        <translation>毎年の健診結果 (特定健診) をここに並べて表示し、各値を基準の判定値と照らして示します。マイナポータルや加入している健康保険から受け取った結果ファイルを取り込むか、紙の結果表を手入力してください。</translation>
    </message>
    <message>
        <source>Why? Details of the selected value</source>
        <translation>なぜ? 選んだ値の詳細</translation>
    </message>
    <message>
        <source>Undo</source>
        <translation>元に戻す</translation>
    </message>
    <message>
        <source>Undo the last change (Ctrl+Z)</source>
        <translation>直前の変更を元に戻す (Ctrl+Z)</translation>
    </message>
    <message>
        <source>Delete this exam</source>
        <translation>この健診を削除</translation>
    </message>
    <message>
        <source>Delete the exam of the selected column (you can undo)</source>
        <translation>選択している列の健診を削除します (元に戻せます)</translation>
    </message>
    <message>
        <source>{count} exams</source>
        <translation>健診 {count} 回分</translation>
    </message>
    <message>
        <source>{count} lab values between checkups</source>
        <translation>健診以外の検査値 {count} 件</translation>
    </message>
    <message>
        <source>This exam has no value for this item.</source>
        <translation>この回の健診にはこの項目の値がありません。</translation>
    </message>
    <message>
        <source>phrapp has no threshold for this item. See the comment on your report.</source>
        <translation>この項目には phrapp の判定値がありません。結果表の所見をご覧ください。</translation>
    </message>
    <message>
        <source>Guidance threshold: {limit}</source>
        <translation>保健指導判定値: {limit}</translation>
    </message>
    <message>
        <source>Referral threshold: {limit}</source>
        <translation>受診勧奨判定値: {limit}</translation>
    </message>
    <message>
        <source>Source: {source}</source>
        <translation>出典: {source}</translation>
    </message>
    <message>
        <source>Reference only (参考): this threshold could not be confirmed in the current guideline ({note}).</source>
        <translation>参考: この判定値は現行の基準で確認できていません ({note})。</translation>
    </message>
    <message>
        <source>Item code</source>
        <translation>項目コード</translation>
    </message>
    <message>
        <source>Method</source>
        <translation>測定方法</translation>
    </message>
    <message>
        <source>Value as written</source>
        <translation>記載どおりの値</translation>
    </message>
    <message>
        <source>The report's own mark</source>
        <translation>結果表での判定</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状態</translation>
    </message>
    <message>
        <source>Not stated in this exam.</source>
        <translation>この回の健診には記載がありません。</translation>
    </message>
    <message>
        <source>Metabolic syndrome</source>
        <translation>メタボリックシンドローム判定</translation>
    </message>
    <message>
        <source>As judged by the checkup centre from waist, blood pressure, lipids and blood glucose.</source>
        <translation>健診機関が腹囲・血圧・脂質・血糖から判定したものです。</translation>
    </message>
    <message>
        <source>Health guidance level</source>
        <translation>保健指導レベル</translation>
    </message>
    <message>
        <source>The specific health guidance (特定保健指導) your insurer offers after this exam.</source>
        <translation>この健診のあとに保険者が案内する特定保健指導の区分です。</translation>
    </message>
    <message>
        <source>Doctor's judgement</source>
        <translation>医師の判断</translation>
    </message>
    <message>
        <source>Doctor: {name}</source>
        <translation>医師: {name}</translation>
    </message>
    <message>
        <source>Lab values between checkups</source>
        <translation>健診以外の検査値</translation>
    </message>
    <message>
        <source>{count} value(s) in another unit ({units}) are not drawn: the chart shows {unit}, and phrapp never converts units.</source>
        <translation>別の単位 ({units}) の値 {count} 件はグラフに描いていません。グラフは {unit} で表示しており、phrapp は単位を換算しません。</translation>
    </message>
    <message>
        <source>facility not recorded</source>
        <translation>施設の記録なし</translation>
    </message>
    <message>
        <source>History: {item}</source>
        <translation>推移: {item}</translation>
    </message>
    <message>
        <source>Lab test (not a checkup)</source>
        <translation>検査 (健診以外)</translation>
    </message>
    <message>
        <source>Checkups</source>
        <translation>健診</translation>
    </message>
    <message>
        <source>Lab tests (not checkups)</source>
        <translation>検査 (健診以外)</translation>
    </message>
    <message>
        <source>Guidance threshold {limit}</source>
        <translation>保健指導判定値 {limit}</translation>
    </message>
    <message>
        <source>Referral threshold {limit}</source>
        <translation>受診勧奨判定値 {limit}</translation>
    </message>
</context>
<context>
    <name>ClinicWindow</name>
    <message>
        <source>File from a patient</source>
        <translation>患者さんから受け取ったファイル</translation>
    </message>
    <message>
        <source>Open a file…</source>
        <translation>ファイルを開く…</translation>
    </message>
    <message>
        <source>Save FHIR/CSV…</source>
        <translation>FHIR/CSV を保存…</translation>
    </message>
    <message>
        <source>Write FHIR and CSV files for your own system into a folder you choose</source>
        <translation>院内のシステム用に、FHIR と CSV のファイルを選んだフォルダーに保存します</translation>
    </message>
    <message>
        <source>No file is open.</source>
        <translation>ファイルは開かれていません。</translation>
    </message>
    <message>
        <source>Problems found in the file</source>
        <translation>ファイルに見つかった問題</translation>
    </message>
    <message>
        <source>Where</source>
        <translation>場所</translation>
    </message>
    <message>
        <source>Problem</source>
        <translation>問題</translation>
    </message>
    <message>
        <source>Summary</source>
        <translation>概要</translation>
    </message>
    <message>
        <source>Patient</source>
        <translation>患者</translation>
    </message>
    <message>
        <source>Born / sex</source>
        <translation>生年月日 / 性別</translation>
    </message>
    <message>
        <source>Period covered</source>
        <translation>記録の期間</translation>
    </message>
    <message>
        <source>Contents</source>
        <translation>内容</translation>
    </message>
    <message>
        <source>Latest blood pressure</source>
        <translation>最新の血圧</translation>
    </message>
    <message>
        <source>Latest weight</source>
        <translation>最新の体重</translation>
    </message>
    <message>
        <source>Latest steps</source>
        <translation>最新の歩数</translation>
    </message>
    <message>
        <source>Home BP (last 14 days)</source>
        <translation>家庭血圧 (直近14日)</translation>
    </message>
    <message>
        <source>Medicines</source>
        <translation>お薬</translation>
    </message>
    <message>
        <source>Medicine</source>
        <translation>薬剤</translation>
    </message>
    <message>
        <source>Code</source>
        <translation>コード</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状態</translation>
    </message>
    <message>
        <source>Vaccinations</source>
        <translation>予防接種</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>日付</translation>
    </message>
    <message>
        <source>Vaccine</source>
        <translation>ワクチン</translation>
    </message>
    <message>
        <source>Lot</source>
        <translation>ロット</translation>
    </message>
    <message>
        <source>Checkups</source>
        <translation>健診</translation>
    </message>
    <message>
        <source>Flagged items</source>
        <translation>基準外の項目数</translation>
    </message>
    <message>
        <source>Open a file from a patient</source>
        <translation>患者さんから受け取ったファイルを開く</translation>
    </message>
    <message>
        <source>Health files (*.phrapp *.json *.xml *.zip *.txt *.dat);;All files (*)</source>
        <translation>健康情報のファイル (*.phrapp *.json *.xml *.zip *.txt *.dat);;すべてのファイル (*)</translation>
    </message>
    <message>
        <source>Not opened: no passphrase was entered.</source>
        <translation>開きませんでした。パスフレーズが入力されていません。</translation>
    </message>
    <message>
        <source>File: {name}</source>
        <translation>ファイル: {name}</translation>
    </message>
    <message>
        <source>Opening and checking the file…</source>
        <translation>ファイルを開いて確認しています…</translation>
    </message>
    <message>
        <source>The file could not be opened.</source>
        <translation>ファイルを開けませんでした。</translation>
    </message>
    <message>
        <source>Opening {name}…</source>
        <translation>{name} を開いています…</translation>
    </message>
    <message>
        <source>Valid: {kind}</source>
        <translation>正しいファイルです: {kind}</translation>
    </message>
    <message>
        <source>The file passed the checks. Nothing has been saved on this computer.</source>
        <translation>ファイルは確認に合格しました。このコンピューターには何も保存していません。</translation>
    </message>
    <message>
        <source>Not valid: {kind}</source>
        <translation>正しくないファイルです: {kind}</translation>
    </message>
    <message>
        <source>The file did not pass the checks; the problems are listed below. Ask the patient for a new copy. The summary shows what could be read.</source>
        <translation>ファイルは確認に合格しませんでした。問題は下の一覧のとおりです。患者さんにファイルを作り直してもらってください。概要には読み取れた内容を表示しています。</translation>
    </message>
    <message>
        <source>(no name in the file)</source>
        <translation>(ファイルに氏名がありません)</translation>
    </message>
    <message>
        <source>male</source>
        <translation>男性</translation>
    </message>
    <message>
        <source>female</source>
        <translation>女性</translation>
    </message>
    <message>
        <source>{start} to {end}</source>
        <translation>{start} 〜 {end}</translation>
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
        <translation>{steps} 歩 ({when})</translation>
    </message>
    <message>
        <source>Morning</source>
        <translation>朝</translation>
    </message>
    <message>
        <source>Evening</source>
        <translation>晩</translation>
    </message>
    <message>
        <source>{slot}: {sbp}/{dbp} mmHg over {days} days</source>
        <translation>{slot}: {sbp}/{dbp} mmHg ({days} 日分)</translation>
    </message>
    <message>
        <source>{slot}: not enough readings</source>
        <translation>{slot}: 測定が足りません</translation>
    </message>
    <message>
        <source>Class: {category}</source>
        <translation>分類: {category}</translation>
    </message>
    <message>
        <source>Choose a folder for the FHIR and CSV files</source>
        <translation>FHIR と CSV のファイルの保存先フォルダー</translation>
    </message>
    <message>
        <source>Saved {count} file(s) in {folder}: {names}</source>
        <translation>{folder} に {count} 個のファイルを保存しました: {names}</translation>
    </message>
    <message>
        <source>Nothing was saved. {why}</source>
        <translation>何も保存しませんでした。{why}</translation>
    </message>
    <message>
        <source>Saving…</source>
        <translation>保存しています…</translation>
    </message>
</context>
<context>
    <name>ClinicWords</name>
    <message>
        <source>FHIR file from phrapp</source>
        <translation>phrapp の FHIR ファイル</translation>
    </message>
    <message>
        <source>FHIR file (JP Core)</source>
        <translation>FHIR ファイル (JP Core)</translation>
    </message>
    <message>
        <source>FHIR file (JP-CLINS)</source>
        <translation>FHIR ファイル (JP-CLINS)</translation>
    </message>
    <message>
        <source>checkup report (FHIR eCheckup)</source>
        <translation>健診結果報告書 (FHIR eCheckup)</translation>
    </message>
    <message>
        <source>specific health checkup (特定健診 XML)</source>
        <translation>特定健診の結果 (特定健診 XML)</translation>
    </message>
    <message>
        <source>medication record (JAHIS)</source>
        <translation>お薬手帳 (JAHIS)</translation>
    </message>
    <message>
        <source>encrypted share file from phrapp</source>
        <translation>phrapp の共有用ファイル (暗号化)</translation>
    </message>
    <message>
        <source>unknown format</source>
        <translation>不明な形式</translation>
    </message>
    <message>
        <source>taking</source>
        <translation>服用中</translation>
    </message>
    <message>
        <source>finished</source>
        <translation>終了</translation>
    </message>
    <message>
        <source>stopped</source>
        <translation>中止</translation>
    </message>
    <message>
        <source>planned</source>
        <translation>予定</translation>
    </message>
</context>
<context>
    <name>ConfirmExportDialog</name>
    <message>
        <source>Check what will be exported</source>
        <translation>書き出す内容の確認</translation>
    </message>
    <message>
        <source>This will leave phrapp:</source>
        <translation>次の内容が phrapp の外に出ます:</translation>
    </message>
    <message>
        <source>Person: {name}</source>
        <translation>対象の人: {name}</translation>
    </message>
    <message>
        <source>Format: {format}</source>
        <translation>形式: {format}</translation>
    </message>
    <message>
        <source>Period: {period}</source>
        <translation>期間: {period}</translation>
    </message>
    <message>
        <source>Records:</source>
        <translation>記録:</translation>
    </message>
    <message>
        <source>{kind}: {count}</source>
        <translation>{kind}: {count} 件</translation>
    </message>
    <message>
        <source>In total: {count} records</source>
        <translation>合計: {count} 件</translation>
    </message>
    <message>
        <source>Notes for the doctor</source>
        <translation>医師へのメモ</translation>
    </message>
    <message>
        <source>Note for the recipient</source>
        <translation>受け取る人へのメモ</translation>
    </message>
    <message>
        <source>(none)</source>
        <translation>(なし)</translation>
    </message>
    <message>
        <source>Checkup files are generated anew (stored original files are not used).</source>
        <translation>健診ファイルはすべて新しく作成します (保存されている元のファイルは使いません)。</translation>
    </message>
    <message>
        <source>This format is not encrypted: anyone who gets the file can read these health records. Keep it safe and do not send it by ordinary e-mail. To give your records to a clinic, the encrypted share file is safer.</source>
        <translation>この形式は暗号化されません。ファイルを手にした人は誰でも、この健康情報を読めます。大切に保管し、普通のメールでは送らないでください。医療機関に渡すときは、共有用ファイル (暗号化) のほうが安全です。</translation>
    </message>
    <message>
        <source>The file is encrypted. You will get a one-time passphrase to tell the recipient separately, by phone or in person.</source>
        <translation>ファイルは暗号化されます。書き出しのあとに1回限りのパスフレーズが表示されます。受け取る人には、電話や対面など別の方法で伝えてください。</translation>
    </message>
    <message>
        <source>There is nothing to export for this person, period and kinds.</source>
        <translation>この人・期間・種類では、書き出す記録がありません。</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>キャンセル</translation>
    </message>
    <message>
        <source>Export without encryption…</source>
        <translation>暗号化しないで書き出す…</translation>
    </message>
    <message>
        <source>Create the encrypted file…</source>
        <translation>暗号化したファイルを作る…</translation>
    </message>
</context>
<context>
    <name>ConfirmUndoDialog</name>
    <message>
        <source>Undo an import</source>
        <translation>取り込みを元に戻す</translation>
    </message>
    <message>
        <source>Undo the import of {when}?</source>
        <translation>{when} の取り込みを元に戻しますか?</translation>
    </message>
    <message>
        <source>Files: {files}</source>
        <translation>ファイル: {files}</translation>
    </message>
    <message>
        <source>These records it added will be removed: {counts}.</source>
        <translation>この取り込みで追加した次の記録を削除します: {counts}。</translation>
    </message>
    <message>
        <source>These records it updated get their earlier values back: {counts}.</source>
        <translation>この取り込みで更新した次の記録を前の値に戻します: {counts}。</translation>
    </message>
    <message>
        <source>These people it created will be removed: {names}.</source>
        <translation>この取り込みで作成した次の人を削除します: {names}。</translation>
    </message>
    <message>
        <source>Nothing else changes. Records you entered yourself stay.</source>
        <translation>ほかには何も変わりません。ご自分で入力した記録はそのまま残ります。</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>キャンセル</translation>
    </message>
    <message>
        <source>Undo the import</source>
        <translation>取り込みを元に戻す</translation>
    </message>
</context>
<context>
    <name>CsvMappingDialog</name>
    <message>
        <source>Assign columns</source>
        <translation>列の割り当て</translation>
    </message>
    <message>
        <source>Which column holds what in “{file}”?</source>
        <translation>「{file}」のどの列に何が入っていますか?</translation>
    </message>
    <message>
        <source>Choose what each column holds. The table on the right shows the first rows as phrapp will store them; nothing is stored before you confirm the import.</source>
        <translation>各列に入っている値を選んでください。右下の表は、phrapp が保存する形で最初の行を示します。取り込みを確認するまで何も保存されません。</translation>
    </message>
    <message>
        <source>The first rows of the file</source>
        <translation>ファイルの最初の行</translation>
    </message>
    <message>
        <source>Preview: the first rows as they will be stored</source>
        <translation>プレビュー: 保存される値 (最初の行)</translation>
    </message>
    <message>
        <source>Preview of the values to import</source>
        <translation>取り込む値のプレビュー</translation>
    </message>
    <message>
        <source>The file</source>
        <translation>ファイル</translation>
    </message>
    <message>
        <source>Automatic</source>
        <translation>自動</translation>
    </message>
    <message>
        <source>&amp;Encoding</source>
        <translation>文字コード(&amp;E)</translation>
    </message>
    <message>
        <source>Comma (,)</source>
        <translation>カンマ (,)</translation>
    </message>
    <message>
        <source>Tab</source>
        <translation>タブ</translation>
    </message>
    <message>
        <source>Semicolon (;)</source>
        <translation>セミコロン (;)</translation>
    </message>
    <message>
        <source>&amp;Delimiter</source>
        <translation>区切り文字(&amp;D)</translation>
    </message>
    <message>
        <source>&amp;Header row</source>
        <translation>見出しの行(&amp;H)</translation>
    </message>
    <message>
        <source>The file has a header row</source>
        <translation>見出しの行がある</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>日付</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>時刻</translation>
    </message>
    <message>
        <source>Systolic</source>
        <translation>最高血圧</translation>
    </message>
    <message>
        <source>Diastolic</source>
        <translation>最低血圧</translation>
    </message>
    <message>
        <source>Pulse</source>
        <translation>脈拍</translation>
    </message>
    <message>
        <source>Weight</source>
        <translation>体重</translation>
    </message>
    <message>
        <source>Body fat %</source>
        <translation>体脂肪率</translation>
    </message>
    <message>
        <source>Steps</source>
        <translation>歩数</translation>
    </message>
    <message>
        <source>Blood glucose</source>
        <translation>血糖</translation>
    </message>
    <message>
        <source>What the columns hold</source>
        <translation>列の内容</translation>
    </message>
    <message>
        <source>Blood pressure</source>
        <translation>血圧</translation>
    </message>
    <message>
        <source>&amp;Records</source>
        <translation>記録の種類(&amp;R)</translation>
    </message>
    <message>
        <source>Date &amp;format</source>
        <translation>日付の形式(&amp;F)</translation>
    </message>
    <message>
        <source>Home time zone ({zone})</source>
        <translation>ふだんのタイムゾーン ({zone})</translation>
    </message>
    <message>
        <source>Time &amp;zone</source>
        <translation>タイムゾーン(&amp;Z)</translation>
    </message>
    <message>
        <source>lb (pounds)</source>
        <translation>lb (ポンド)</translation>
    </message>
    <message>
        <source>&amp;Unit</source>
        <translation>単位(&amp;U)</translation>
    </message>
    <message>
        <source>Fasting</source>
        <translation>空腹時</translation>
    </message>
    <message>
        <source>Random (not fasting)</source>
        <translation>随時 (空腹時以外)</translation>
    </message>
    <message>
        <source>&amp;Glucose measured</source>
        <translation>血糖の測定(&amp;G)</translation>
    </message>
    <message>
        <source>Automatic (year first, or ISO 8601)</source>
        <translation>自動 (年が先の形式、または ISO 8601)</translation>
    </message>
    <message>
        <source>02/01/2024 (day/month/year)</source>
        <translation>02/01/2024 (日/月/年)</translation>
    </message>
    <message>
        <source>01/02/2024 (month/day/year)</source>
        <translation>01/02/2024 (月/日/年)</translation>
    </message>
    <message>
        <source>&amp;Save this assignment as</source>
        <translation>この割り当てを保存する(&amp;S) 名前:</translation>
    </message>
    <message>
        <source>Name of the saved assignment</source>
        <translation>保存する割り当ての名前</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>キャンセル</translation>
    </message>
    <message>
        <source>Continue to import</source>
        <translation>取り込みの確認へ</translation>
    </message>
    <message>
        <source>The file cannot be read with this encoding. Choose another encoding.</source>
        <translation>この文字コードではファイルを読めません。別の文字コードを選んでください。</translation>
    </message>
    <message>
        <source>Column {n}: {name}</source>
        <translation>{n}列目: {name}</translation>
    </message>
    <message>
        <source>Column {n}</source>
        <translation>{n}列目</translation>
    </message>
    <message>
        <source>(in the date column)</source>
        <translation>(日付の列に含まれる)</translation>
    </message>
    <message>
        <source>(none)</source>
        <translation>(なし)</translation>
    </message>
    <message>
        <source>(choose a column)</source>
        <translation>(列を選んでください)</translation>
    </message>
    <message>
        <source>Line</source>
        <translation>行</translation>
    </message>
    <message>
        <source>Date and time</source>
        <translation>日時</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>結果</translation>
    </message>
    <message>
        <source>OK</source>
        <translation>取り込めます</translation>
    </message>
    <message>
        <source>Choose a column for each value marked “(choose a column)”.</source>
        <translation>「(列を選んでください)」の項目に列を選んでください。</translation>
    </message>
    <message>
        <source>No rows to show: check the header row.</source>
        <translation>表示できる行がありません。見出しの行を確認してください。</translation>
    </message>
    <message>
        <source>{good} of the first {count} rows can be imported.</source>
        <translation>最初の {count} 行のうち {good} 行を取り込めます。</translation>
    </message>
    <message>
        <source>{date} (time unknown)</source>
        <translation>{date} (時刻不明)</translation>
    </message>
    <message>
        <source>Not imported: {field} is empty</source>
        <translation>取り込みません: {field}が空です</translation>
    </message>
    <message>
        <source>Not imported: the date or time cannot be read in the chosen format</source>
        <translation>取り込みません: 選んだ形式では日付または時刻を読めません</translation>
    </message>
    <message>
        <source>Not imported: unknown time zone</source>
        <translation>取り込みません: タイムゾーンが不明です</translation>
    </message>
    <message>
        <source>Not imported: {field} is not a number in the possible range</source>
        <translation>取り込みません: {field}が数値でないか、ありえない値です</translation>
    </message>
</context>
<context>
    <name>DashboardCard</name>
    <message>
        <source>Why?</source>
        <translation>なぜ?</translation>
    </message>
    <message>
        <source>Which values, period, rule and guideline were used</source>
        <translation>使った値・期間・基準・ガイドライン</translation>
    </message>
</context>
<context>
    <name>DashboardPage</name>
    <message>
        <source>Overview</source>
        <translation>ダッシュボード</translation>
    </message>
    <message>
        <source>Home blood pressure</source>
        <translation>家庭血圧</translation>
    </message>
    <message>
        <source>Weight</source>
        <translation>体重</translation>
    </message>
    <message>
        <source>Steps</source>
        <translation>歩数</translation>
    </message>
    <message>
        <source>Latest checkup</source>
        <translation>最新の健診</translation>
    </message>
    <message>
        <source>10-year risk</source>
        <translation>10年リスク</translation>
    </message>
    <message>
        <source>Medicines taken now</source>
        <translation>服用中のお薬</translation>
    </message>
    <message>
        <source>Reminders</source>
        <translation>リマインダー</translation>
    </message>
    <message>
        <source>Open blood pressure</source>
        <translation>血圧を見る</translation>
    </message>
    <message>
        <source>Open weight</source>
        <translation>体重を見る</translation>
    </message>
    <message>
        <source>Open steps</source>
        <translation>歩数を見る</translation>
    </message>
    <message>
        <source>Open checkups</source>
        <translation>健診を開く</translation>
    </message>
    <message>
        <source>Open medicines</source>
        <translation>お薬を開く</translation>
    </message>
    <message>
        <source>Goals…</source>
        <translation>目標…</translation>
    </message>
    <message>
        <source>Health questions…</source>
        <translation>健康状態の質問…</translation>
    </message>
    <message>
        <source>This page summarises your records; it is not a diagnosis. If a value worries you, please ask your doctor.</source>
        <translation>この画面は記録をまとめたもので、診断ではありません。気になる値があるときは医師にご相談ください。</translation>
    </message>
    <message>
        <source>Overview for {name}</source>
        <translation>{name} さんの記録</translation>
    </message>
    <message>
        <source>Today: {date}</source>
        <translation>今日: {date}</translation>
    </message>
    <message>
        <source>(reference: not every source confirms this)</source>
        <translation>(参考: 出典によって確認できない部分があります)</translation>
    </message>
    <message>
        <source>(none)</source>
        <translation>(なし)</translation>
    </message>
    <message>
        <source>Values used</source>
        <translation>使った値</translation>
    </message>
    <message>
        <source>Period</source>
        <translation>期間</translation>
    </message>
    <message>
        <source>Rule</source>
        <translation>基準</translation>
    </message>
    <message>
        <source>Guideline and year</source>
        <translation>ガイドラインと年</translation>
    </message>
    <message>
        <source>What is missing</source>
        <translation>足りないもの</translation>
    </message>
    <message>
        <source>Nothing</source>
        <translation>なし</translation>
    </message>
    <message>
        <source>Not applicable under 18</source>
        <translation>18歳未満のため対象外</translation>
    </message>
    <message>
        <source>Adult rules are not applied under 18.</source>
        <translation>成人向けの基準は18歳未満には使いません。</translation>
    </message>
    <message>
        <source>{start} – {end} ({days} days)</source>
        <translation>{start}〜{end} ({days}日間)</translation>
    </message>
    <message>
        <source>Morning</source>
        <translation>朝</translation>
    </message>
    <message>
        <source>Evening</source>
        <translation>晩</translation>
    </message>
    <message>
        <source>{slot} average {sys}/{dia} mmHg ({days} days)</source>
        <translation>{slot}の平均 {sys}/{dia} mmHg ({days}日)</translation>
    </message>
    <message>
        <source>{slot} average {sys}/{dia} mmHg over {days} days</source>
        <translation>{slot}の平均 {sys}/{dia} mmHg ({days}日分)</translation>
    </message>
    <message>
        <source>{slot}: {days} of {need} days</source>
        <translation>{slot}: {need}日中 {days}日</translation>
    </message>
    <message>
        <source>Not enough days to judge ({n} more days needed)</source>
        <translation>判定に必要な日数が足りません (あと {n} 日)</translation>
    </message>
    <message>
        <source>{slot} readings on {n} more days</source>
        <translation>{slot}の測定があと {n} 日分</translation>
    </message>
    <message>
        <source>{sys}/{dia} mmHg</source>
        <translation>{sys}/{dia} mmHg</translation>
    </message>
    <message>
        <source>By the guideline's standard this is in the range of high blood pressure. Please talk to your doctor.</source>
        <translation>ガイドラインの基準では高血圧の範囲に当たります。医師にご相談ください。</translation>
    </message>
    <message>
        <source>Morning and evening are averaged separately, each needs at least 5 days; the higher class of the two is shown. High blood pressure at home: 135/85 mmHg or more.</source>
        <translation>朝と晩を別々に平均し、それぞれ5日以上必要です。高いほうの分類を表示します。家庭血圧の高血圧の基準: 135/85 mmHg以上。</translation>
    </message>
    <message>
        <source>Your goal: below {sys}/{dia} mmHg</source>
        <translation>あなたの目標: {sys}/{dia} mmHg 未満</translation>
    </message>
    <message>
        <source>not enough readings to compare</source>
        <translation>比べるには記録が足りません</translation>
    </message>
    <message>
        <source>Reference: above your goal</source>
        <translation>参考: 目標を上回っています</translation>
    </message>
    <message>
        <source>met</source>
        <translation>達成</translation>
    </message>
    <message>
        <source>{kg} kg</source>
        <translation>{kg} kg</translation>
    </message>
    <message>
        <source>7-day average</source>
        <translation>7日間の平均</translation>
    </message>
    <message>
        <source>No records in the last 7 days</source>
        <translation>直近7日間の記録はありません</translation>
    </message>
    <message>
        <source>Weight in the last 7 days</source>
        <translation>直近7日間の体重</translation>
    </message>
    <message>
        <source>Trend: {arrow} {slope} kg per week (4 weeks)</source>
        <translation>変化: {arrow} 1週間あたり {slope} kg (4週間)</translation>
    </message>
    <message>
        <source>Enough weighings in the last 4 weeks for a trend</source>
        <translation>変化を出すための直近4週間の体重</translation>
    </message>
    <message>
        <source>7-day average: {v}</source>
        <translation>7日間の平均: {v}</translation>
    </message>
    <message>
        <source>Trend: {v} kg per week</source>
        <translation>変化: 1週間あたり {v} kg</translation>
    </message>
    <message>
        <source>Average: the last 7 days; trend: the last 28 days</source>
        <translation>平均: 直近7日間、変化: 直近28日間</translation>
    </message>
    <message>
        <source>The average of daily means; the trend is a straight line fitted to the daily means (least squares).</source>
        <translation>1日ごとの平均をさらに平均します。変化は1日ごとの平均に当てはめた直線 (最小二乗法) の傾きです。</translation>
    </message>
    <message>
        <source>phrapp's own summary (no guideline class)</source>
        <translation>phrapp の集計 (ガイドラインの分類はありません)</translation>
    </message>
    <message>
        <source>Goal: {target} kg by {end} (plan for today {planned} kg)</source>
        <translation>目標: {end}までに {target} kg (今日の計画 {planned} kg)</translation>
    </message>
    <message>
        <source>Progress: {pct} % of the planned loss</source>
        <translation>進み具合: 計画した減量の {pct} %</translation>
    </message>
    <message>
        <source>Goal: keep {kg} kg</source>
        <translation>目標: {kg} kg を維持</translation>
    </message>
    <message>
        <source>Reference: above your plan</source>
        <translation>参考: 計画より重めです</translation>
    </message>
    <message>
        <source>Reference: outside the range you set</source>
        <translation>参考: 設定した幅を外れています</translation>
    </message>
    <message>
        <source>Your goal</source>
        <translation>あなたの目標</translation>
    </message>
    <message>
        <source>Default pace: 3 % in 3–6 months (Japan Society for the Study of Obesity, guideline 2022). The comparison is for reference.</source>
        <translation>標準のペース: 3〜6か月で 3 % (日本肥満学会 肥満症診療ガイドライン2022)。比較は参考です。</translation>
    </message>
    <message>
        <source>{steps} steps</source>
        <translation>{steps} 歩</translation>
    </message>
    <message>
        <source>Target met</source>
        <translation>目標達成</translation>
    </message>
    <message>
        <source>Reference: below your goal</source>
        <translation>参考: 目標を下回っています</translation>
    </message>
    <message>
        <source>Below the target</source>
        <translation>目標未満</translation>
    </message>
    <message>
        <source>Step counts in the last 7 days</source>
        <translation>直近7日間の歩数</translation>
    </message>
    <message>
        <source>7-day average; your goal {target} steps a day</source>
        <translation>7日間の平均・あなたの目標は1日 {target} 歩</translation>
    </message>
    <message>
        <source>7-day average; target {target} steps a day</source>
        <translation>7日間の平均、目標は1日 {target} 歩</translation>
    </message>
    <message>
        <source>Birth date (the target depends on age)</source>
        <translation>生年月日 (目標は年齢で決まります)</translation>
    </message>
    <message>
        <source>7-day average: {v} steps</source>
        <translation>7日間の平均: {v} 歩</translation>
    </message>
    <message>
        <source>Target: {v} steps</source>
        <translation>目標: {v} 歩</translation>
    </message>
    <message>
        <source>The last 7 days (days with a record)</source>
        <translation>直近7日間 (記録のある日)</translation>
    </message>
    <message>
        <source>Target by age: 20–64 years 8,000 steps, 65 and over 6,000 steps.</source>
        <translation>年齢別の目標: 20〜64歳 8,000歩、65歳以上 6,000歩。</translation>
    </message>
    <message>
        <source>Intensive support</source>
        <translation>積極的支援</translation>
    </message>
    <message>
        <source>Motivational support</source>
        <translation>動機付け支援</translation>
    </message>
    <message>
        <source>Information only (no support needed)</source>
        <translation>情報提供 (支援なし)</translation>
    </message>
    <message>
        <source>Not eligible (age or medicines)</source>
        <translation>対象外 (年齢または服薬)</translation>
    </message>
    <message>
        <source>Could not be judged</source>
        <translation>判定できません</translation>
    </message>
    <message>
        <source>No checkup recorded yet</source>
        <translation>健診結果はまだありません</translation>
    </message>
    <message>
        <source>A checkup result</source>
        <translation>健診結果</translation>
    </message>
    <message>
        <source>{n} item(s) at the referral threshold</source>
        <translation>受診勧奨 {n} 項目</translation>
    </message>
    <message>
        <source>{n} item(s) at the guidance threshold</source>
        <translation>保健指導 {n} 項目</translation>
    </message>
    <message>
        <source>All items in range</source>
        <translation>すべて基準内</translation>
    </message>
    <message>
        <source>Referral: {r} · Guidance: {g}
Specific health guidance: {level}</source>
        <translation>受診勧奨: {r} 項目 · 保健指導: {g} 項目
保健指導レベル: {level}</translation>
    </message>
    <message>
        <source>{name}: {value} {unit} ({kind}, threshold {cmp} {limit})</source>
        <translation>{name}: {value} {unit} ({kind}、判定値 {cmp} {limit})</translation>
    </message>
    <message>
        <source>referral</source>
        <translation>受診勧奨</translation>
    </message>
    <message>
        <source>guidance</source>
        <translation>保健指導</translation>
    </message>
    <message>
        <source>Every item is below the guidance threshold</source>
        <translation>すべての項目が保健指導判定値未満です</translation>
    </message>
    <message>
        <source>The checkup of {date}</source>
        <translation>{date}の健診</translation>
    </message>
    <message>
        <source>Each item is compared with the guidance and referral thresholds; the support level as in the checkup file, else computed.</source>
        <translation>各項目を保健指導判定値・受診勧奨判定値と比べます。保健指導レベルは健診結果ファイルの値、なければ計算した値です。</translation>
    </message>
    <message>
        <source>the smoking answer</source>
        <translation>喫煙の回答</translation>
    </message>
    <message>
        <source>sex</source>
        <translation>性別</translation>
    </message>
    <message>
        <source>the birth date</source>
        <translation>生年月日</translation>
    </message>
    <message>
        <source>the checkup's systolic blood pressure</source>
        <translation>健診の最高血圧</translation>
    </message>
    <message>
        <source>the checkup's fasting glucose</source>
        <translation>健診の空腹時血糖</translation>
    </message>
    <message>
        <source>the checkup's LDL cholesterol</source>
        <translation>健診のLDLコレステロール</translation>
    </message>
    <message>
        <source>the checkup's HDL cholesterol</source>
        <translation>健診のHDLコレステロール</translation>
    </message>
    <message>
        <source>Low risk</source>
        <translation>低リスク</translation>
    </message>
    <message>
        <source>Medium risk</source>
        <translation>中リスク</translation>
    </message>
    <message>
        <source>High risk</source>
        <translation>高リスク</translation>
    </message>
    <message>
        <source>{risk} %</source>
        <translation>{risk} %</translation>
    </message>
    <message>
        <source>Chance of heart disease or stroke within 10 years ({points} points)</source>
        <translation>10年以内に心臓病・脳梗塞になる確率 ({points} 点)</translation>
    </message>
    <message>
        <source>Cannot be calculated without {missing}</source>
        <translation>{missing}がないため計算できません</translation>
    </message>
    <message>
        <source>, </source>
        <translation>、</translation>
    </message>
    <message>
        <source>Answer the health questions to calculate it.</source>
        <translation>健康状態の質問に答えると計算できます。</translation>
    </message>
    <message>
        <source>Diabetes, chronic kidney disease or peripheral artery disease count as high risk without a score.</source>
        <translation>糖尿病・慢性腎臓病・末梢動脈疾患があると、スコアを使わずに高リスクとして扱います。</translation>
    </message>
    <message>
        <source>Not scored</source>
        <translation>スコアの対象外</translation>
    </message>
    <message>
        <source>After a heart attack or stroke the score is not used; please follow your doctor's advice.</source>
        <translation>心筋梗塞・脳梗塞の後はこのスコアを使いません。医師の指示に従ってください。</translation>
    </message>
    <message>
        <source>The score is for ages 40–79 without familial hypercholesterolaemia.</source>
        <translation>このスコアは家族性高コレステロール血症のない40〜79歳が対象です。</translation>
    </message>
    <message>
        <source>Points: {v}</source>
        <translation>点数: {v}</translation>
    </message>
    <message>
        <source>Checkup of {date}: blood pressure, fasting glucose, LDL and HDL cholesterol</source>
        <translation>{date}の健診: 血圧・空腹時血糖・LDL/HDLコレステロール</translation>
    </message>
    <message>
        <source>Health questions answered on {date}; smoking: {smoking}</source>
        <translation>{date}に回答した健康状態の質問、喫煙: {smoking}</translation>
    </message>
    <message>
        <source>The latest checkup and the latest answers</source>
        <translation>最新の健診と最新の回答</translation>
    </message>
    <message>
        <source>Points for sex, systolic BP, glucose, LDL, HDL and smoking; the 10-year risk is read for the age. Low &lt;2 %, medium 2–&lt;10 %, high ≥10 %.</source>
        <translation>性別・最高血圧・血糖・LDL・HDL・喫煙の点数を合計し、年齢の列から10年リスクを読みます。低リスク 2%未満、中リスク 2〜10%未満、高リスク 10%以上。</translation>
    </message>
    <message>
        <source>smokes</source>
        <translation>吸う</translation>
    </message>
    <message>
        <source>used to smoke</source>
        <translation>以前吸っていた</translation>
    </message>
    <message>
        <source>never smoked</source>
        <translation>吸わない</translation>
    </message>
    <message>
        <source>not answered</source>
        <translation>未回答</translation>
    </message>
    <message>
        <source>{n} medicine(s)</source>
        <translation>{n} 種類</translation>
    </message>
    <message>
        <source>Same ingredient from more than one clinic</source>
        <translation>同じ成分のお薬が複数の医療機関から出ています</translation>
    </message>
    <message>
        <source>{names}: please show your medication record to your doctor or pharmacist.</source>
        <translation>{names}: お薬手帳を医師か薬剤師に見せてご相談ください。</translation>
    </message>
    <message>
        <source>No duplicate ingredient</source>
        <translation>成分の重複はありません</translation>
    </message>
    <message>
        <source>{n} medicine(s) with supply left today</source>
        <translation>今日の分が残っているお薬 {n} 種類</translation>
    </message>
    <message>
        <source>{ingredient}: {drugs} ({clinics})</source>
        <translation>{ingredient}: {drugs} ({clinics})</translation>
    </message>
    <message>
        <source>Dispensed medicines whose supply covers {date}</source>
        <translation>{date}まで日数が残っている調剤のお薬</translation>
    </message>
    <message>
        <source>Two current medicines with the same ingredient (YJ code) from different clinics are shown as a warning.</source>
        <translation>違う医療機関から出た服用中のお薬に同じ成分 (YJコード) があると注意を表示します。</translation>
    </message>
    <message>
        <source>phrapp's own check (no guideline)</source>
        <translation>phrapp の確認 (ガイドラインではありません)</translation>
    </message>
    <message>
        <source>The checkup recommends seeing a doctor about {n} item(s)</source>
        <translation>健診で受診をすすめられた項目が {n} つあります</translation>
    </message>
    <message>
        <source>No open reminders</source>
        <translation>未受診の項目はありません</translation>
    </message>
    <message>
        <source>{name}: {value} {unit} (referral threshold {cmp} {limit})</source>
        <translation>{name}: {value} {unit} (受診勧奨判定値 {cmp} {limit})</translation>
    </message>
    <message>
        <source>— last visit about it: {date}</source>
        <translation>— 前回の受診: {date}</translation>
    </message>
    <message>
        <source>I saw a doctor</source>
        <translation>受診しました</translation>
    </message>
    <message>
        <source>{name}: visit recorded on {date}</source>
        <translation>{name}: {date}に受診済み</translation>
    </message>
    <message>
        <source>{name}: {value} {unit}</source>
        <translation>{name}: {value} {unit}</translation>
    </message>
    <message>
        <source>Visits recorded after the checkup of {date}</source>
        <translation>{date}の健診より後に記録した受診</translation>
    </message>
    <message>
        <source>An item at the referral threshold stays here until you record a doctor's visit after the checkup date.</source>
        <translation>受診勧奨判定値の項目は、健診日より後の受診を記録するまでここに表示されます。</translation>
    </message>
</context>
<context>
    <name>DataPage</name>
    <message>
        <source>Add record</source>
        <translation>記録を追加</translation>
    </message>
    <message>
        <source>Edit…</source>
        <translation>修正…</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>削除</translation>
    </message>
    <message>
        <source>Undo</source>
        <translation>元に戻す</translation>
    </message>
    <message>
        <source>Undo the last change (Ctrl+Z)</source>
        <translation>最後の変更を元に戻す (Ctrl+Z)</translation>
    </message>
    <message>
        <source>{count} records</source>
        <translation>{count} 件</translation>
    </message>
</context>
<context>
    <name>DropZone</name>
    <message>
        <source>Drop files or a folder here</source>
        <translation>ここにファイルやフォルダをドラッグ&amp;ドロップ</translation>
    </message>
    <message>
        <source>or</source>
        <translation>または</translation>
    </message>
    <message>
        <source>Choose files…</source>
        <translation>ファイルを選ぶ…</translation>
    </message>
    <message>
        <source>Choose a folder…</source>
        <translation>フォルダを選ぶ…</translation>
    </message>
</context>
<context>
    <name>EmptyState</name>
    <message>
        <source>Enter by hand</source>
        <translation>手入力する</translation>
    </message>
    <message>
        <source>Import from a file</source>
        <translation>ファイルから取り込む</translation>
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
        <translation>詳細</translation>
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
        <translation>パスフレーズが違います。確認して、もう一度入力してください。</translation>
    </message>
    <message>
        <source>Enter the passphrase to open the vault.</source>
        <translation>保管庫を開くにはパスフレーズを入力してください。</translation>
    </message>
    <message>
        <source>This passphrase is too easy to guess. Use at least 12 characters, e.g. several unrelated words.</source>
        <translation>このパスフレーズは推測されやすすぎます。12文字以上にしてください (関係のない単語をいくつか並べるなど)。</translation>
    </message>
    <message>
        <source>A value is outside the possible range. Check the numbers and try again.</source>
        <translation>入力できる範囲を超えた値があります。数値を確認して、もう一度お試しください。</translation>
    </message>
    <message>
        <source>The record no longer exists. The list has been refreshed.</source>
        <translation>この記録はもうありません。一覧を最新の状態にしました。</translation>
    </message>
    <message>
        <source>No vault was found in this folder.</source>
        <translation>このフォルダーに保管庫が見つかりません。</translation>
    </message>
    <message>
        <source>The vault is open in another window or program. Close it there and try again.</source>
        <translation>保管庫が別のウィンドウまたはプログラムで開かれています。そちらを閉じてから、もう一度お試しください。</translation>
    </message>
    <message>
        <source>The vault could not be read. Restore it from a backup, or see the details.</source>
        <translation>保管庫を読み込めませんでした。バックアップから復元するか、詳細をご覧ください。</translation>
    </message>
    <message>
        <source>A vault already exists in this folder. Open it instead.</source>
        <translation>このフォルダーにはすでに保管庫があります。そちらを開いてください。</translation>
    </message>
    <message>
        <source>A person with this name already exists. Choose another name.</source>
        <translation>同じ名前の人がすでに登録されています。別の名前にしてください。</translation>
    </message>
    <message>
        <source>The action was refused and nothing was changed. See the details.</source>
        <translation>この操作は受け付けられず、何も変更されていません。詳細をご覧ください。</translation>
    </message>
    <message>
        <source>A file could not be read or written. Check the disk and the folder permissions, then try again.</source>
        <translation>ファイルを読み書きできませんでした。ディスクとフォルダーの権限を確認して、もう一度お試しください。</translation>
    </message>
    <message>
        <source>Something went wrong and nothing was changed. Please try again; if it keeps happening, see the details.</source>
        <translation>問題が起きたため、何も変更されていません。もう一度お試しください。繰り返し起きる場合は詳細をご覧ください。</translation>
    </message>
</context>
<context>
    <name>ExportDoneDialog</name>
    <message>
        <source>Export finished</source>
        <translation>書き出し完了</translation>
    </message>
    <message>
        <source>The export is finished</source>
        <translation>書き出しが終わりました</translation>
    </message>
    <message>
        <source>{count} file(s) written in {folder}:</source>
        <translation>{folder} に {count} 個のファイルを作りました:</translation>
    </message>
    <message>
        <source>The one-time passphrase of this file is below. It is shown only now and is not stored anywhere. Tell it to the clinic separately, by phone or in person — never in the same e-mail or envelope as the file.</source>
        <translation>このファイルの1回限りのパスフレーズは下のとおりです。表示されるのは今だけで、どこにも保存されません。医療機関には、電話や対面など別の方法で伝えてください。ファイルと同じメールや封筒には入れないでください。</translation>
    </message>
    <message>
        <source>One-time passphrase</source>
        <translation>1回限りのパスフレーズ</translation>
    </message>
    <message>
        <source>Copy</source>
        <translation>コピー</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>閉じる</translation>
    </message>
    <message>
        <source>Copied. The clipboard is cleared again in a minute.</source>
        <translation>コピーしました。クリップボードは1分後に消去されます。</translation>
    </message>
</context>
<context>
    <name>ExportFormats</name>
    <message>
        <source>Checkup results (特定健診 XML)</source>
        <translation>健診結果 (特定健診 XML)</translation>
    </message>
    <message>
        <source>Medication record (お薬手帳 JAHIS)</source>
        <translation>お薬手帳 (JAHIS)</translation>
    </message>
    <message>
        <source>FHIR for clinic systems</source>
        <translation>FHIR (医療機関のシステム向け)</translation>
    </message>
    <message>
        <source>CSV for spreadsheets</source>
        <translation>CSV (表計算ソフト向け)</translation>
    </message>
    <message>
        <source>PDF for the doctor</source>
        <translation>医師に見せる PDF</translation>
    </message>
    <message>
        <source>Encrypted share file</source>
        <translation>共有用ファイル (暗号化)</translation>
    </message>
    <message>
        <source>For health apps and portals that work with マイナポータル: one XML file per checkup, in the national format.</source>
        <translation>マイナポータルと互換のアプリやサービス向け。健診1回ごとに、国の標準形式の XML ファイルを1つ作ります。</translation>
    </message>
    <message>
        <source>For お薬手帳 apps: your medicines and allergies in the JAHIS format.</source>
        <translation>お薬手帳アプリ向け。お薬とアレルギーを JAHIS 形式で書き出します。</translation>
    </message>
    <message>
        <source>For the computer systems of clinics and hospitals: one FHIR file.</source>
        <translation>診療所や病院のシステム向け。FHIR ファイルを1つ作ります。</translation>
    </message>
    <message>
        <source>For Excel and other spreadsheets: one CSV file per kind of record.</source>
        <translation>Excel などの表計算ソフト向け。記録の種類ごとに CSV ファイルを1つ作ります。</translation>
    </message>
    <message>
        <source>One or two pages a doctor can read in a minute, with your notes for the doctor.</source>
        <translation>医師が1分で読める1〜2ページの資料です。医師へのメモも載せられます。</translation>
    </message>
    <message>
        <source>For giving to a clinic: one encrypted file; you tell the clinic its passphrase separately.</source>
        <translation>医療機関に渡すためのファイルです。暗号化した1つのファイルにまとめ、パスフレーズは別の方法で伝えます。</translation>
    </message>
    <message>
        <source>All records</source>
        <translation>すべての期間</translation>
    </message>
    <message>
        <source>From {start}</source>
        <translation>{start} から</translation>
    </message>
    <message>
        <source>Until {end}</source>
        <translation>{end} まで</translation>
    </message>
    <message>
        <source>{start} to {end}</source>
        <translation>{start} 〜 {end}</translation>
    </message>
</context>
<context>
    <name>ExportPage</name>
    <message>
        <source>Export</source>
        <translation>書き出し</translation>
    </message>
    <message>
        <source>Write your records to a file for a portal, another app or your doctor. Nothing leaves phrapp before you have checked and confirmed what will be written.</source>
        <translation>記録をファイルに書き出して、ポータルやほかのアプリ、医師に渡せます。書き出す内容を確認して同意するまで、phrapp の外には何も出ません。</translation>
    </message>
    <message>
        <source>Export…</source>
        <translation>書き出す…</translation>
    </message>
    <message>
        <source>Shows what will be exported before anything is written</source>
        <translation>書き込む前に、書き出す内容を表示します</translation>
    </message>
    <message>
        <source>Person</source>
        <translation>対象の人</translation>
    </message>
    <message>
        <source>Format</source>
        <translation>形式</translation>
    </message>
    <message>
        <source>What to include</source>
        <translation>含める記録</translation>
    </message>
    <message>
        <source>Only the kinds of record this format can carry are shown.</source>
        <translation>この形式で書き出せる種類の記録だけを表示しています。</translation>
    </message>
    <message>
        <source>Period</source>
        <translation>期間</translation>
    </message>
    <message>
        <source>All records</source>
        <translation>すべての期間</translation>
    </message>
    <message>
        <source>Only records from … to …</source>
        <translation>期間を指定する</translation>
    </message>
    <message>
        <source>From</source>
        <translation>開始日</translation>
    </message>
    <message>
        <source>To</source>
        <translation>終了日</translation>
    </message>
    <message>
        <source>to</source>
        <translation>〜</translation>
    </message>
    <message>
        <source>Options</source>
        <translation>オプション</translation>
    </message>
    <message>
        <source>Generate every checkup file anew (instead of the original files as they were imported)</source>
        <translation>健診ファイルをすべて新しく作成する (取り込んだ元のファイルを使わない)</translation>
    </message>
    <message>
        <source>Earlier exports</source>
        <translation>これまでの書き出し</translation>
    </message>
    <message>
        <source>No exports yet.</source>
        <translation>まだ書き出しはありません。</translation>
    </message>
    <message>
        <source>When</source>
        <translation>日時</translation>
    </message>
    <message>
        <source>What</source>
        <translation>内容</translation>
    </message>
    <message>
        <source>Records</source>
        <translation>件数</translation>
    </message>
    <message>
        <source>Encrypted</source>
        <translation>暗号化</translation>
    </message>
    <message>
        <source>Notes for the doctor</source>
        <translation>医師へのメモ</translation>
    </message>
    <message>
        <source>Printed on the first page, e.g. what you want to ask or what changed since the last visit.</source>
        <translation>1ページ目に印刷されます。聞きたいことや、前回の受診からの変化などを書いてください。</translation>
    </message>
    <message>
        <source>Note for the recipient</source>
        <translation>受け取る人へのメモ</translation>
    </message>
    <message>
        <source>Travels inside the encrypted file, e.g. who it is for and why.</source>
        <translation>暗号化されたファイルの中に入ります。誰に、何のために渡すのかなどを書いてください。</translation>
    </message>
    <message>
        <source>Yes (encrypted)</source>
        <translation>あり (暗号化)</translation>
    </message>
    <message>
        <source>No (not encrypted)</source>
        <translation>なし (暗号化されていません)</translation>
    </message>
    <message>
        <source>Choose at least one kind of record to export.</source>
        <translation>書き出す記録の種類を1つ以上選んでください。</translation>
    </message>
    <message>
        <source>The start of the period is after its end. Correct the dates and try again.</source>
        <translation>期間の開始日が終了日より後になっています。日付を直してから、もう一度お試しください。</translation>
    </message>
    <message>
        <source>Cancelled. Nothing was exported.</source>
        <translation>取り消しました。何も書き出していません。</translation>
    </message>
    <message>
        <source>Save the export as</source>
        <translation>書き出し先のファイル</translation>
    </message>
    <message>
        <source>Choose the folder for the exported files</source>
        <translation>書き出すファイルの保存先フォルダー</translation>
    </message>
    <message>
        <source>Exporting…</source>
        <translation>書き出しています…</translation>
    </message>
    <message>
        <source>The export was cancelled. Nothing was written.</source>
        <translation>書き出しを中止しました。ファイルは何も作られていません。</translation>
    </message>
    <message>
        <source>There was nothing to export. No file was written.</source>
        <translation>書き出す記録がありませんでした。ファイルは作られていません。</translation>
    </message>
    <message>
        <source>Exported {count} records to {files} file(s) in {folder}.</source>
        <translation>{count} 件の記録を {folder} の {files} 個のファイルに書き出しました。</translation>
    </message>
    <message>
        <source>The export failed and nothing was written. {why}</source>
        <translation>書き出しに失敗しました。ファイルは何も作られていません。{why}</translation>
    </message>
</context>
<context>
    <name>GoalsDialog</name>
    <message>
        <source>Goals</source>
        <translation>目標</translation>
    </message>
    <message>
        <source>Set only the goals you want. The dashboard compares your records with them and marks a difference as 'reference' — it is not a medical judgement.</source>
        <translation>必要な目標だけを設定してください。ダッシュボードで記録と比べ、差があれば「参考」として表示します。医学的な判断ではありません。</translation>
    </message>
    <message>
        <source>Weight goal</source>
        <translation>体重の目標</translation>
    </message>
    <message>
        <source>Lose weight</source>
        <translation>減量</translation>
    </message>
    <message>
        <source>Keep my weight</source>
        <translation>現状維持</translation>
    </message>
    <message>
        <source>Mode</source>
        <translation>モード</translation>
    </message>
    <message>
        <source>Starting weight</source>
        <translation>開始時の体重</translation>
    </message>
    <message>
        <source> months</source>
        <translation> か月</translation>
    </message>
    <message>
        <source>over</source>
        <translation>を</translation>
    </message>
    <message>
        <source>Lose</source>
        <translation>減らす量</translation>
    </message>
    <message>
        <source>No alert</source>
        <translation>知らせない</translation>
    </message>
    <message>
        <source>Tell me when it changes by more than</source>
        <translation>この幅を超えて変わったら知らせる</translation>
    </message>
    <message>
        <source>Suggested: lose 3 % in 3–6 months (5–10 % when BMI is 35 or more). Japan Society for the Study of Obesity guideline 2022.</source>
        <translation>目安: 3〜6か月で 3 % 減 (BMI 35 以上では 5〜10 %)。日本肥満学会 肥満症診療ガイドライン2022。</translation>
    </message>
    <message>
        <source>Daily steps goal</source>
        <translation>1日の歩数の目標</translation>
    </message>
    <message>
        <source>Steps a day</source>
        <translation>1日の歩数</translation>
    </message>
    <message>
        <source>Without a goal of your own the target for your age is used: 8,000 steps (20–64 years), 6,000 steps (65 and over). Health Japan 21 (third term).</source>
        <translation>自分の目標がないときは年齢の目標値を使います: 8,000 歩 (20〜64歳)、6,000 歩 (65歳以上)。健康日本21 (第三次)。</translation>
    </message>
    <message>
        <source>Home blood pressure goal</source>
        <translation>家庭血圧の目標</translation>
    </message>
    <message>
        <source>mmHg (below)</source>
        <translation>mmHg 未満</translation>
    </message>
    <message>
        <source>Morning and evening averages</source>
        <translation>朝・晩の平均</translation>
    </message>
    <message>
        <source>JSH2025: below 125/75 mmHg at home for every adult. Use the target your doctor gave you if it differs.</source>
        <translation>JSH2025: 成人は家庭血圧 125/75 mmHg 未満。医師から別の目標を言われている場合はそちらを入れてください。</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>キャンセル</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>保存</translation>
    </message>
    <message>
        <source>A value is outside the possible range (the lower blood pressure must be below the upper one).</source>
        <translation>ありえない範囲の値があります (最低血圧は最高血圧より低くしてください)。</translation>
    </message>
</context>
<context>
    <name>HelpDialog</name>
    <message>
        <source>Help</source>
        <translation>ヘルプ</translation>
    </message>
    <message>
        <source>phrapp {version}</source>
        <translation>phrapp {version}</translation>
    </message>
    <message>
        <source>Your personal health record, encrypted on this computer.</source>
        <translation>このパソコンの中に暗号化して保管する、あなたの健康記録です。</translation>
    </message>
    <message>
        <source>Choose what to see in the list on the left.</source>
        <translation>見たい記録を左の一覧から選びます。</translation>
    </message>
    <message>
        <source>“Add record” enters a reading by hand.</source>
        <translation>「記録を追加」で測定値を手入力できます。</translation>
    </message>
    <message>
        <source>Select a row and press Delete to remove it; Ctrl+Z undoes it.</source>
        <translation>行を選んで Delete キーを押すと削除します。Ctrl+Z で元に戻せます。</translation>
    </message>
    <message>
        <source>Choose the person at the top to see a family member's records.</source>
        <translation>上の「表示する人」で家族の記録に切り替えられます。</translation>
    </message>
    <message>
        <source>To import a checkup file, drop it on “Import”: you check a preview first, and every import can be undone there.</source>
        <translation>健診結果のファイルは「取り込み」にドロップして取り込めます。先に内容を確認でき、取り込んだあとも元に戻せます。</translation>
    </message>
    <message>
        <source>Press Lock (Ctrl+L) when you leave the computer. phrapp also locks itself after {minutes} minutes without use.</source>
        <translation>パソコンから離れるときは「ロック」(Ctrl+L) を押してください。{minutes} 分間操作がないと自動でロックします。</translation>
    </message>
    <message>
        <source>phrapp organises your records; it does not diagnose. If a value worries you, please ask your doctor.</source>
        <translation>phrapp は記録を整理するためのもので、診断はしません。気になる値があるときは医師にご相談ください。</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>閉じる</translation>
    </message>
</context>
<context>
    <name>HistoryRow</name>
    <message>
        <source>and {n} more</source>
        <translation>ほか {n} 件</translation>
    </message>
    <message>
        <source>Added: {counts}</source>
        <translation>追加: {counts}</translation>
    </message>
    <message>
        <source>Updated: {counts}</source>
        <translation>更新: {counts}</translation>
    </message>
    <message>
        <source>Nothing new was added</source>
        <translation>新しく追加した記録はありません</translation>
    </message>
    <message>
        <source>For: {names}</source>
        <translation>対象: {names}</translation>
    </message>
    <message>
        <source>Undo</source>
        <translation>元に戻す</translation>
    </message>
    <message>
        <source>Remove what this import added</source>
        <translation>この取り込みで追加したものを削除します</translation>
    </message>
    <message>
        <source>Undone on {when}</source>
        <translation>{when} に元に戻しました</translation>
    </message>
</context>
<context>
    <name>ImmunizationDialog</name>
    <message>
        <source>Add a vaccination</source>
        <translation>予防接種を追加</translation>
    </message>
    <message>
        <source>Edit a vaccination</source>
        <translation>予防接種を編集</translation>
    </message>
    <message>
        <source>e.g. インフルエンザHAワクチン</source>
        <translation>例: インフルエンザHAワクチン</translation>
    </message>
    <message>
        <source>not entered</source>
        <translation>未入力</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>日付</translation>
    </message>
    <message>
        <source>Vaccine</source>
        <translation>ワクチン</translation>
    </message>
    <message>
        <source>Dose number</source>
        <translation>接種回数</translation>
    </message>
    <message>
        <source>Where</source>
        <translation>接種場所</translation>
    </message>
    <message>
        <source>Lot number</source>
        <translation>ロット番号</translation>
    </message>
    <message>
        <source>Enter the name of the vaccine.</source>
        <translation>ワクチンの名前を入力してください。</translation>
    </message>
</context>
<context>
    <name>ImportPage</name>
    <message>
        <source>Import</source>
        <translation>取り込み</translation>
    </message>
    <message>
        <source>Assign columns and import…</source>
        <translation>列を割り当てて取り込む…</translation>
    </message>
    <message>
        <source>What you can import</source>
        <translation>取り込めるファイル</translation>
    </message>
    <message>
        <source>Results of the specific health checkup (特定健診): the XML file, or the zip file that holds it, as you download it from マイナポータル or receive it from your health insurer.
Your medication record (お薬手帳): the JAHIS text file an お薬手帳 app exports, or a photo or screenshot of the QR code the pharmacy prints on your receipt.
Home devices: the OMRON connect CSV, Tanita Health Planet data, the Apple Health export (export.zip), the health data exchange CSV (健康情報等交換規約), and any other CSV once you assign its columns.
FHIR files (JP Core, a phrapp export from another PC) and phrapp's own CSV export.</source>
        <translation>特定健診の結果: マイナポータルからダウンロードした、または保険者から受け取った XML ファイルか、それを含む zip ファイル。
お薬手帳: お薬手帳アプリが書き出す JAHIS 形式のテキストファイル、または薬局の領収書に印刷された QR コードの写真やスクリーンショット。
家庭の機器: OMRON connect の CSV、タニタ ヘルスプラネットのデータ、Apple ヘルスケアの書き出し (export.zip)、健康情報等交換規約の CSV、列を割り当てたその他の CSV。
FHIR ファイル (JP Core、別の PC の phrapp から書き出したもの) と phrapp の CSV 書き出し。</translation>
    </message>
    <message>
        <source>Nothing is stored before you have checked the preview, and every import can be undone from the list below.</source>
        <translation>内容を確認するまでは何も保存されません。取り込んだあとも、下の一覧からいつでも元に戻せます。</translation>
    </message>
    <message>
        <source>Earlier imports</source>
        <translation>これまでの取り込み</translation>
    </message>
    <message>
        <source>No imports yet.</source>
        <translation>まだ取り込みはありません。</translation>
    </message>
    <message>
        <source>Reading the files…</source>
        <translation>ファイルを読み込んでいます…</translation>
    </message>
    <message>
        <source>Nothing is stored yet: you will see a preview first.</source>
        <translation>まだ何も保存されません。先に内容を確認できます。</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>キャンセル</translation>
    </message>
    <message>
        <source>Check before importing</source>
        <translation>取り込む前に確認してください</translation>
    </message>
    <message>
        <source>Import</source>
        <comment>button</comment>
        <translation>取り込む</translation>
    </message>
    <message>
        <source>Whose checkup results are these?</source>
        <translation>この健診結果は誰のものですか?</translation>
    </message>
    <message>
        <source>They belong to a person already in phrapp:</source>
        <translation>phrapp に登録済みの人のもの:</translation>
    </message>
    <message>
        <source>phrapp never merges two people: choose the person these results belong to.</source>
        <translation>phrapp が別の人の記録を勝手にまとめることはありません。この結果が誰のものかを選んでください。</translation>
    </message>
    <message>
        <source>Continue</source>
        <translation>続ける</translation>
    </message>
    <message>
        <source>Choose files to import</source>
        <translation>取り込むファイルを選ぶ</translation>
    </message>
    <message>
        <source>Health records (*.xml *.zip *.csv *.txt *.json *.png *.jpg *.jpeg);;All files (*)</source>
        <translation>健康記録 (*.xml *.zip *.csv *.txt *.json *.png *.jpg *.jpeg);;すべてのファイル (*)</translation>
    </message>
    <message>
        <source>Choose a folder to import</source>
        <translation>取り込むフォルダを選ぶ</translation>
    </message>
    <message>
        <source>File {index} of {count}: {name}</source>
        <translation>ファイル {index} / {count}: {name}</translation>
    </message>
    <message>
        <source>Cancelled. Nothing was imported.</source>
        <translation>中止しました。何も取り込んでいません。</translation>
    </message>
    <message>
        <source>phrapp does not know the columns of “{file}”. Assign them to import the file.</source>
        <translation>「{file}」の列の並びを phrapp は知りません。列を割り当てると取り込めます。</translation>
    </message>
    <message>
        <source>“{file}” is an encrypted phrapp share file. Enter the passphrase that was shown when it was made.</source>
        <translation>「{file}」は暗号化された phrapp の共有ファイルです。作成したときに表示されたパスフレーズを入力してください。</translation>
    </message>
    <message>
        <source>The share file was not imported: no passphrase.</source>
        <translation>パスフレーズがないため、共有ファイルは取り込みませんでした。</translation>
    </message>
    <message>
        <source>“{file}” is not a file phrapp can import. Choose a checkup result (特定健診 XML or zip) or an お薬手帳 file (JAHIS text or QR image).</source>
        <translation>「{file}」は取り込めるファイルではありません。健診結果 (特定健診 XML または zip) か、お薬手帳のファイル (JAHIS テキストまたは QR コードの画像) を選んでください。</translation>
    </message>
    <message>
        <source>“{file}” could not be read: it seems damaged or incomplete. Download it again or ask the sender for a new copy.</source>
        <translation>「{file}」を読み取れませんでした。ファイルが壊れているか、途中までしかないようです。もう一度ダウンロードするか、送り主に送り直してもらってください。</translation>
    </message>
    <message>
        <source>“{file}” was refused because it contains parts that could harm your computer. Nothing was imported.</source>
        <translation>「{file}」にはパソコンに害を与えるおそれのある部分があるため、取り込みを中止しました。何も取り込んでいません。</translation>
    </message>
    <message>
        <source>“{file}” is too large to import.</source>
        <translation>「{file}」は大きすぎるため取り込めません。</translation>
    </message>
    <message>
        <source>“{file}” uses a character encoding phrapp cannot read. Nothing was imported.</source>
        <translation>「{file}」は phrapp が読めない文字コードで書かれています。何も取り込んでいません。</translation>
    </message>
    <message>
        <source>“{file}” no longer exists. Choose it again.</source>
        <translation>「{file}」が見つかりません。もう一度選んでください。</translation>
    </message>
    <message>
        <source>A person with the name from “{file}” already exists. Nothing was imported.</source>
        <translation>「{file}」の名前と同じ名前の人がすでにいます。何も取り込んでいません。</translation>
    </message>
    <message>
        <source>“{file}” could not be opened. Check that the file is there and readable, then try again.</source>
        <translation>「{file}」を開けませんでした。ファイルがあり読み取れることを確かめて、もう一度お試しください。</translation>
    </message>
    <message>
        <source>“{file}”</source>
        <translation>「{file}」</translation>
    </message>
    <message>
        <source>The person in {files} matches more than one person in phrapp. Choose who it is.</source>
        <translation>{files} の受診者は、phrapp に登録された複数の人に当てはまります。誰のものかを選んでください。</translation>
    </message>
    <message>
        <source>{files} holds the results of a person who is not in phrapp yet:</source>
        <translation>{files} には、まだ phrapp に登録されていない人の結果が入っています:</translation>
    </message>
    <message>
        <source>{files} holds the results of {count} people who are not in phrapp yet:</source>
        <translation>{files} には、まだ phrapp に登録されていない {count} 人の結果が入っています:</translation>
    </message>
    <message>
        <source>Create a new person “{name}”</source>
        <translation>新しい人「{name}」を作成する</translation>
    </message>
    <message>
        <source>Create {count} new people</source>
        <translation>新しい人を {count} 人作成する</translation>
    </message>
    <message>
        <source>male</source>
        <translation>男性</translation>
    </message>
    <message>
        <source>female</source>
        <translation>女性</translation>
    </message>
    <message>
        <source>born {date}</source>
        <translation>{date} 生まれ</translation>
    </message>
    <message>
        <source>Files: {count}</source>
        <translation>ファイル {count} 件</translation>
    </message>
    <message>
        <source>To add: {counts}</source>
        <translation>追加: {counts}</translation>
    </message>
    <message>
        <source>To update: {counts}</source>
        <translation>更新: {counts}</translation>
    </message>
    <message>
        <source>New people: {count}</source>
        <translation>新しい人: {count} 人</translation>
    </message>
    <message>
        <source>Nothing new to import: everything is already in phrapp.</source>
        <translation>新しく取り込むものはありません。すべて phrapp に入っています。</translation>
    </message>
    <message>
        <source>Nothing new to import</source>
        <translation>新しく取り込むものはありません</translation>
    </message>
    <message>
        <source>For: {names}</source>
        <translation>対象: {names}</translation>
    </message>
    <message>
        <source>Will add: {counts}</source>
        <translation>追加する記録: {counts}</translation>
    </message>
    <message>
        <source>Will update with a newer version: {counts}</source>
        <translation>新しい版で更新する記録: {counts}</translation>
    </message>
    <message>
        <source>Already in phrapp, not added again: {counts}</source>
        <translation>すでに入っているため追加しない記録: {counts}</translation>
    </message>
    <message>
        <source>Nothing new in this file.</source>
        <translation>このファイルに新しい記録はありません。</translation>
    </message>
    <message>
        <source>Left out: {count} ({reason})</source>
        <translation>取り込まないもの: {count} 件 ({reason})</translation>
    </message>
    <message>
        <source>A new person will be created: {name}</source>
        <translation>新しく作成する人: {name}</translation>
    </message>
    <message>
        <source>Probably the same readings from another device or app, so not imported: {count}</source>
        <translation>別の機器・アプリの同じ測定と思われるため取り込みません: {count} 件</translation>
    </message>
    <message>
        <source>This file was imported before; only new records are added.</source>
        <translation>このファイルは以前にも取り込んでいます。新しい記録だけを追加します。</translation>
    </message>
    <message>
        <source>“{name}” gets the birth date and sex from the file.</source>
        <translation>「{name}」にファイルの生年月日と性別を設定します。</translation>
    </message>
    <message>
        <source>Imported: {counts}.</source>
        <translation>取り込みました: {counts}。</translation>
    </message>
    <message>
        <source>nothing new</source>
        <translation>新しい記録なし</translation>
    </message>
    <message>
        <source>Updated: {counts}.</source>
        <translation>更新: {counts}。</translation>
    </message>
    <message>
        <source>For: {names}.</source>
        <translation>対象: {names}。</translation>
    </message>
    <message>
        <source>New people: {names}.</source>
        <translation>新しく作成した人: {names}。</translation>
    </message>
    <message>
        <source>You can undo this import in the list below.</source>
        <translation>この取り込みは下の一覧から元に戻せます。</translation>
    </message>
    <message>
        <source>The import was undone: {removed} record(s) removed.</source>
        <translation>取り込みを元に戻しました: {removed} 件の記録を削除しました。</translation>
    </message>
    <message>
        <source>{restored} record(s) have their earlier values back.</source>
        <translation>{restored} 件の記録を前の値に戻しました。</translation>
    </message>
</context>
<context>
    <name>ItemField</name>
    <message>
        <source>(not entered)</source>
        <translation>(未入力)</translation>
    </message>
    <message>
        <source>As written on the report</source>
        <translation>結果表に書かれているとおりに</translation>
    </message>
    <message>
        <source>Format: {pattern}</source>
        <translation>形式: {pattern}</translation>
    </message>
</context>
<context>
    <name>LabDialog</name>
    <message>
        <source>Add a lab value</source>
        <translation>検査値を追加</translation>
    </message>
    <message>
        <source>A blood test done between checkups, e.g. at your clinic. It is shown with your checkup values of the same item.</source>
        <translation>健診と健診の間に、かかりつけ医などで受けた血液検査の値です。健診の同じ項目の値と並べて表示します。</translation>
    </message>
    <message>
        <source>Item</source>
        <translation>項目</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>値</translation>
    </message>
    <message>
        <source>Unit</source>
        <translation>単位</translation>
    </message>
    <message>
        <source>e.g. the name of your clinic (optional)</source>
        <translation>例: かかりつけ医の名前 (省略可)</translation>
    </message>
    <message>
        <source>Facility</source>
        <translation>医療機関</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>検査日</translation>
    </message>
    <message>
        <source>Enter the value as a number, e.g. {example}.</source>
        <translation>値を数字で入力してください (例: {example})。</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Person</source>
        <translation>表示する人</translation>
    </message>
    <message>
        <source>Lock</source>
        <translation>ロック</translation>
    </message>
    <message>
        <source>Lock now (Ctrl+L)</source>
        <translation>今すぐロックする (Ctrl+L)</translation>
    </message>
    <message>
        <source>Help</source>
        <translation>ヘルプ</translation>
    </message>
    <message>
        <source>Help and version (F1)</source>
        <translation>ヘルプとバージョン (F1)</translation>
    </message>
</context>
<context>
    <name>Medications</name>
    <message>
        <source>Allergy</source>
        <translation>アレルギー</translation>
    </message>
    <message>
        <source>Adverse reaction</source>
        <translation>副作用</translation>
    </message>
    <message>
        <source>Medical history</source>
        <translation>既往歴</translation>
    </message>
    <message>
        <source>Other</source>
        <translation>その他</translation>
    </message>
</context>
<context>
    <name>MedicationsPage</name>
    <message>
        <source>Medicines</source>
        <translation>お薬</translation>
    </message>
    <message>
        <source>Enter a medicine by hand</source>
        <translation>お薬を手入力する</translation>
    </message>
    <message>
        <source>Your medication record (お薬手帳)</source>
        <translation>お薬手帳</translation>
    </message>
    <message>
        <source>Keep the medicines you take in one place: what the pharmacy gave you, medicines you buy yourself, allergies and vaccinations. Import the お薬手帳 file or QR code from your pharmacy app, or enter a medicine by hand. phrapp then shows what you take now and warns when two clinics prescribe the same ingredient.</source>
        <translation>薬局で受け取ったお薬、ご自分で買ったお薬、アレルギー・副作用歴、予防接種をひとつにまとめます。お薬手帳アプリのファイルや調剤明細のQRコードを取り込むか、お薬を手入力してください。今飲んでいるお薬が一覧になり、同じ成分のお薬が複数の医療機関から出ているときにお知らせします。</translation>
    </message>
    <message>
        <source>Medicine</source>
        <translation>お薬</translation>
    </message>
    <message>
        <source>Dose and usage</source>
        <translation>量・飲み方</translation>
    </message>
    <message>
        <source>Prescribed by</source>
        <translation>処方した医療機関</translation>
    </message>
    <message>
        <source>Pharmacy</source>
        <translation>薬局</translation>
    </message>
    <message>
        <source>Supply until</source>
        <translation>飲み終わる日 (予定)</translation>
    </message>
    <message>
        <source>Search by medicine, pharmacy or clinic</source>
        <translation>お薬・薬局・医療機関の名前で検索</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>日付</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>種類</translation>
    </message>
    <message>
        <source>Edit…</source>
        <translation>編集…</translation>
    </message>
    <message>
        <source>Only medicines entered by hand can be edited</source>
        <translation>編集できるのは手入力したお薬だけです</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>削除</translation>
    </message>
    <message>
        <source>What happened</source>
        <translation>内容</translation>
    </message>
    <message>
        <source>Noted on</source>
        <translation>記録日</translation>
    </message>
    <message>
        <source>Add…</source>
        <translation>追加…</translation>
    </message>
    <message>
        <source>Vaccine</source>
        <translation>ワクチン</translation>
    </message>
    <message>
        <source>Dose number</source>
        <translation>接種回数</translation>
    </message>
    <message>
        <source>Where</source>
        <translation>接種場所</translation>
    </message>
    <message>
        <source>Lot number</source>
        <translation>ロット番号</translation>
    </message>
    <message>
        <source>Undo</source>
        <translation>元に戻す</translation>
    </message>
    <message>
        <source>Undo the last change (Ctrl+Z)</source>
        <translation>直前の変更を元に戻す (Ctrl+Z)</translation>
    </message>
    <message>
        <source>As of {date}</source>
        <translation>{date} 時点</translation>
    </message>
    <message>
        <source>Taking now</source>
        <translation>服用中</translation>
    </message>
    <message>
        <source>History</source>
        <translation>履歴</translation>
    </message>
    <message>
        <source>Allergies and adverse reactions</source>
        <translation>アレルギー・副作用歴</translation>
    </message>
    <message>
        <source>Vaccinations</source>
        <translation>予防接種</translation>
    </message>
    <message>
        <source>The same ingredient is prescribed by more than one clinic</source>
        <translation>同じ成分のお薬が複数の医療機関から出ています</translation>
    </message>
    <message>
        <source>unknown prescriber</source>
        <translation>処方元不明</translation>
    </message>
    <message>
        <source>{medicines} (from {prescribers})</source>
        <translation>{medicines}（処方: {prescribers}）</translation>
    </message>
    <message>
        <source>Please talk to your doctor or pharmacist before you change anything.</source>
        <translation>飲み方を変える前に、医師・薬剤師にご相談ください。</translation>
    </message>
    <message>
        <source>ⓘ {count} of the medicines you take now have no YJ code, so phrapp cannot check them for the same ingredient: {names}.</source>
        <translation>ⓘ 服用中のお薬のうち {count} 件はYJコードがないため、成分の重複を確認できません: {names}。</translation>
    </message>
    <message>
        <source>Same ingredient as another clinic</source>
        <translation>他の医療機関と同じ成分</translation>
    </message>
    <message>
        <source>Medicines whose supply covers {date}. A dispensing counts from its day for the number of days supplied.</source>
        <translation>{date} に手元にあるはずのお薬です。調剤日から処方日数分を数えています。</translation>
    </message>
    <message>
        <source>No medicine is current on {date}.</source>
        <translation>{date} に服用中のお薬はありません。</translation>
    </message>
    <message>
        <source>Continuing</source>
        <translation>継続中</translation>
    </message>
    <message>
        <source>Dispensing</source>
        <translation>調剤</translation>
    </message>
    <message>
        <source>Bought yourself</source>
        <translation>市販薬</translation>
    </message>
    <message>
        <source>Entered by hand</source>
        <translation>手入力</translation>
    </message>
</context>
<context>
    <name>MedicineDialog</name>
    <message>
        <source>Enter a medicine by hand</source>
        <translation>お薬を手入力する</translation>
    </message>
    <message>
        <source>Edit a medicine</source>
        <translation>お薬を編集</translation>
    </message>
    <message>
        <source>e.g. アムロジピン錠5mg</source>
        <translation>例: アムロジピン錠5mg</translation>
    </message>
    <message>
        <source>optional, e.g. the YJ code on the label</source>
        <translation>任意。例: 薬袋のYJコード</translation>
    </message>
    <message>
        <source>not entered</source>
        <translation>未入力</translation>
    </message>
    <message>
        <source>e.g. 錠</source>
        <translation>例: 錠</translation>
    </message>
    <message>
        <source>e.g. 1日1回 朝食後</source>
        <translation>例: 1日1回 朝食後</translation>
    </message>
    <message>
        <source>clinic or hospital</source>
        <translation>医療機関の名前</translation>
    </message>
    <message>
        <source>Medicine</source>
        <translation>お薬</translation>
    </message>
    <message>
        <source>Code</source>
        <translation>コード</translation>
    </message>
    <message>
        <source>Dose</source>
        <translation>量</translation>
    </message>
    <message>
        <source>How to take it</source>
        <translation>飲み方</translation>
    </message>
    <message>
        <source>Started on</source>
        <translation>飲み始め</translation>
    </message>
    <message>
        <source>Ends on</source>
        <translation>飲み終わり</translation>
    </message>
    <message>
        <source>Leave the end empty while you are still taking it.</source>
        <translation>飲み続けている間は「飲み終わり」を空欄のままにしてください。</translation>
    </message>
    <message>
        <source>Prescribed by</source>
        <translation>処方した医療機関</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>メモ</translation>
    </message>
    <message>
        <source>The end is before the start.</source>
        <translation>飲み終わりが飲み始めより前になっています。</translation>
    </message>
    <message>
        <source>Enter the name of the medicine.</source>
        <translation>お薬の名前を入力してください。</translation>
    </message>
</context>
<context>
    <name>Navigation</name>
    <message>
        <source>Overview</source>
        <translation>ダッシュボード</translation>
    </message>
    <message>
        <source>Blood pressure</source>
        <translation>血圧</translation>
    </message>
    <message>
        <source>Weight</source>
        <translation>体重</translation>
    </message>
    <message>
        <source>Steps</source>
        <translation>歩数</translation>
    </message>
    <message>
        <source>Checkups</source>
        <translation>健診</translation>
    </message>
    <message>
        <source>Medicines</source>
        <translation>お薬</translation>
    </message>
    <message>
        <source>Import</source>
        <translation>取り込み</translation>
    </message>
    <message>
        <source>Export</source>
        <translation>書き出し</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>設定</translation>
    </message>
</context>
<context>
    <name>Op</name>
    <message>
        <source>Cancel</source>
        <translation>キャンセル</translation>
    </message>
</context>
<context>
    <name>PdfReport</name>
    <message>
        <source>entered by hand</source>
        <translation>手入力</translation>
    </message>
    <message>
        <source>checkup file</source>
        <translation>健診結果ファイル</translation>
    </message>
    <message>
        <source>imported file</source>
        <translation>取り込んだファイル</translation>
    </message>
    <message>
        <source>medication record (JAHIS)</source>
        <translation>お薬手帳 (JAHIS)</translation>
    </message>
    <message>
        <source>Blood pressure</source>
        <translation>血圧</translation>
    </message>
    <message>
        <source>Waist</source>
        <translation>腹囲</translation>
    </message>
    <message>
        <source>Fasting glucose</source>
        <translation>空腹時血糖</translation>
    </message>
    <message>
        <source>Non-fasting glucose</source>
        <translation>随時血糖</translation>
    </message>
    <message>
        <source>Triglycerides (fasting)</source>
        <translation>中性脂肪 (空腹時)</translation>
    </message>
    <message>
        <source>Triglycerides (non-fasting)</source>
        <translation>中性脂肪 (随時)</translation>
    </message>
    <message>
        <source>HDL cholesterol</source>
        <translation>HDLコレステロール</translation>
    </message>
    <message>
        <source>LDL cholesterol</source>
        <translation>LDLコレステロール</translation>
    </message>
    <message>
        <source>Non-HDL cholesterol</source>
        <translation>Non-HDLコレステロール</translation>
    </message>
    <message>
        <source>Creatinine</source>
        <translation>血清クレアチニン</translation>
    </message>
    <message>
        <source>Uric acid</source>
        <translation>尿酸</translation>
    </message>
    <message>
        <source>Haemoglobin</source>
        <translation>ヘモグロビン</translation>
    </message>
    <message>
        <source>Urine protein</source>
        <translation>尿蛋白</translation>
    </message>
    <message>
        <source>Urine glucose</source>
        <translation>尿糖</translation>
    </message>
    <message>
        <source>Referral</source>
        <translation>受診勧奨</translation>
    </message>
    <message>
        <source>Guidance</source>
        <translation>保健指導</translation>
    </message>
    <message>
        <source>Male</source>
        <translation>男性</translation>
    </message>
    <message>
        <source>Female</source>
        <translation>女性</translation>
    </message>
    <message>
        <source>Sex not recorded</source>
        <translation>性別未登録</translation>
    </message>
    <message>
        <source>Health record summary for the doctor</source>
        <translation>診察用 健康記録のまとめ</translation>
    </message>
    <message>
        <source>Made on {date} {time}</source>
        <translation>作成: {date} {time}</translation>
    </message>
    <message>
        <source>born {date} (age {age})</source>
        <translation>{date}生 ({age}歳)</translation>
    </message>
    <message>
        <source>birth date not recorded</source>
        <translation>生年月日未登録</translation>
    </message>
    <message>
        <source>Period: {start} – {end}</source>
        <translation>対象期間: {start} – {end}</translation>
    </message>
    <message>
        <source> and {n} more</source>
        <translation> ほか {n} 件</translation>
    </message>
    <message>
        <source>{kind} ({count}): {sources}</source>
        <translation>{kind} ({count}件): {sources}</translation>
    </message>
    <message>
        <source>Data sources: {list}</source>
        <translation>記録の出所: {list}</translation>
    </message>
    <message>
        <source>no records in this period</source>
        <translation>この期間の記録なし</translation>
    </message>
    <message>
        <source>{sys}/{dia} mmHg</source>
        <translation>{sys}/{dia} mmHg</translation>
    </message>
    <message>
        <source>{days} days in the last 14</source>
        <translation>14日中 {days}日分</translation>
    </message>
    <message>
        <source>Not enough days</source>
        <translation>日数不足</translation>
    </message>
    <message>
        <source>{days} of {need} days needed ({more} more)</source>
        <translation>{need}日中 {days}日 (あと {more} 日)</translation>
    </message>
    <message>
        <source>{start} – {end}; per day the mean of the first two readings</source>
        <translation>{start} – {end}　各日は最初の2回の平均</translation>
    </message>
    <message>
        <source>JSH2019 home BP class ({name}), the higher of morning and evening.</source>
        <translation>JSH2019 家庭血圧の分類 ({name})、朝・晩の高い方。</translation>
    </message>
    <message>
        <source>? Not enough days to judge ({n} more days)</source>
        <translation>? 判定に必要な日数が足りません (あと {n} 日)</translation>
    </message>
    <message>
        <source>Each of morning and evening needs at least 5 days.</source>
        <translation>朝・晩それぞれ5日以上の記録が必要です。</translation>
    </message>
    <message>
        <source> By the guideline's standard (home 135/85 mmHg or more) this is in the range of high blood pressure.</source>
        <translation>ガイドラインの基準 (家庭血圧 135/85 mmHg 以上) では高血圧の範囲に当たります。</translation>
    </message>
    <message>
        <source> Below the home threshold of 135/85 mmHg.</source>
        <translation>家庭血圧の基準 135/85 mmHg 未満です。</translation>
    </message>
    <message>
        <source>Home blood pressure (last 14 days)</source>
        <translation>家庭血圧 (直近14日)</translation>
    </message>
    <message>
        <source>No records of home blood pressure.</source>
        <translation>家庭血圧の記録はありません。</translation>
    </message>
    <message>
        <source>Morning average</source>
        <translation>朝の平均</translation>
    </message>
    <message>
        <source>Evening average</source>
        <translation>晩の平均</translation>
    </message>
    <message>
        <source>Blood pressure, last 4 weeks</source>
        <translation>血圧の推移 (4週間)</translation>
    </message>
    <message>
        <source>{start} – {end}</source>
        <translation>{start} – {end}</translation>
    </message>
    <message>
        <source>No morning or evening readings in these 4 weeks.</source>
        <translation>この4週間に朝・晩の記録はありません。</translation>
    </message>
    <message>
        <source>Morning (upper: systolic, lower: diastolic)</source>
        <translation>朝 (上: 最高血圧、下: 最低血圧)</translation>
    </message>
    <message>
        <source>Evening</source>
        <translation>晩</translation>
    </message>
    <message>
        <source>Home threshold 135/85</source>
        <translation>家庭血圧の基準 135/85</translation>
    </message>
    <message>
        <source>Target 125/75</source>
        <translation>降圧目標 125/75</translation>
    </message>
    <message>
        <source>Latest: {kg} kg ({date})</source>
        <translation>最新: {kg} kg ({date})</translation>
    </message>
    <message>
        <source>7-day average: {kg}</source>
        <translation>7日平均: {kg}</translation>
    </message>
    <message>
        <source>{kg} kg</source>
        <translation>{kg} kg</translation>
    </message>
    <message>
        <source>no records in the last 7 days</source>
        <translation>直近7日の記録なし</translation>
    </message>
    <message>
        <source>Trend (4 weeks): {slope}</source>
        <translation>傾向 (4週間): {slope}</translation>
    </message>
    <message>
        <source>{v} kg per week</source>
        <translation>{v} kg/週</translation>
    </message>
    <message>
        <source>not enough records</source>
        <translation>記録が足りません</translation>
    </message>
    <message>
        <source>No records</source>
        <translation>記録なし</translation>
    </message>
    <message>
        <source>7-day average: {n} steps</source>
        <translation>7日平均: {n} 歩</translation>
    </message>
    <message>
        <source>Target {target} steps: {verdict}</source>
        <translation>目標 {target} 歩: {verdict}</translation>
    </message>
    <message>
        <source>● met</source>
        <translation>● 達成</translation>
    </message>
    <message>
        <source>▲ not met</source>
        <translation>▲ 未達</translation>
    </message>
    <message>
        <source>Reached on {met} of {days} days {source}</source>
        <translation>{days}日中 {met}日達成 {source}</translation>
    </message>
    <message>
        <source>(target from the user's settings)</source>
        <translation>(目標は本人の設定)</translation>
    </message>
    <message>
        <source>(target: Health Japan 21, by age)</source>
        <translation>(目標: 健康日本21 第三次、年齢別)</translation>
    </message>
    <message>
        <source>No step target for this age</source>
        <translation>この年齢の目標歩数はありません</translation>
    </message>
    <message>
        <source>No records in the last 7 days</source>
        <translation>直近7日の記録なし</translation>
    </message>
    <message>
        <source>Weight</source>
        <translation>体重</translation>
    </message>
    <message>
        <source>Steps (main source per day)</source>
        <translation>歩数 (各日の主な記録元)</translation>
    </message>
    <message>
        <source>as of {date}, from the dispensing records</source>
        <translation>{date} 時点、お薬手帳 (調剤記録) より</translation>
    </message>
    <message>
        <source>⚠ The same ingredient (YJ {code}) is current from {n} prescribers: {names}</source>
        <translation>⚠ 同じ成分 (YJ {code}) が {n} か所から処方されています: {names}</translation>
    </message>
    <message>
        <source>unknown</source>
        <translation>不明</translation>
    </message>
    <message>
        <source>Current medicines</source>
        <translation>服用中のお薬</translation>
    </message>
    <message>
        <source>No medicine current on this date (medication records: {n}).</source>
        <translation>この日に服用中のお薬はありません (お薬の記録 {n} 件)。</translation>
    </message>
    <message>
        <source>No records of medicines.</source>
        <translation>お薬の記録はありません。</translation>
    </message>
    <message>
        <source>Medicine</source>
        <translation>薬剤名</translation>
    </message>
    <message>
        <source>Directions</source>
        <translation>用法・用量</translation>
    </message>
    <message>
        <source>Prescribed by</source>
        <translation>処方元</translation>
    </message>
    <message>
        <source>dispensed {date}</source>
        <translation>調剤 {date}</translation>
    </message>
    <message>
        <source>… and {n} more</source>
        <translation>… ほか {n} 件</translation>
    </message>
    <message>
        <source>allergy</source>
        <translation>アレルギー</translation>
    </message>
    <message>
        <source>adverse reaction</source>
        <translation>副作用</translation>
    </message>
    <message>
        <source>history</source>
        <translation>既往</translation>
    </message>
    <message>
        <source>other</source>
        <translation>その他</translation>
    </message>
    <message>
        <source>, noted {date}</source>
        <translation>、{date} 記録</translation>
    </message>
    <message>
        <source>No records (this does not mean there are none).</source>
        <translation>記録なし (「ない」ことを意味するものではありません)</translation>
    </message>
    <message>
        <source>Allergies and adverse reactions</source>
        <translation>アレルギー・副作用歴</translation>
    </message>
    <message>
        <source> (ref.)</source>
        <translation> (参考)</translation>
    </message>
    <message>
        <source>◆ at or above the referral threshold (受診勧奨判定値)　▲ at or above the guidance threshold (保健指導判定値)　H/L: the checkup's own flag</source>
        <translation>◆ 受診勧奨判定値以上　▲ 保健指導判定値以上　H/L: 健診機関の判定 (特定健診 第4期の判定値による)</translation>
    </message>
    <message>
        <source>Latest checkup: key values</source>
        <translation>最新の健診結果 (主な項目)</translation>
    </message>
    <message>
        <source>No checkup results recorded.</source>
        <translation>健診結果の記録はありません。</translation>
    </message>
    <message>
        <source>The checkup has none of the key values.</source>
        <translation>この健診には主な項目の値がありません。</translation>
    </message>
    <message>
        <source> (calc.)</source>
        <translation> (計算値)</translation>
    </message>
    <message>
        <source>Notes for the doctor</source>
        <translation>医師への伝言・相談したいこと</translation>
    </message>
    <message>
        <source>(nothing written — space for notes)</source>
        <translation>(記入なし — メモ欄としてお使いください)</translation>
    </message>
    <message>
        <source>Blood pressure, last 12 weeks</source>
        <translation>血圧の推移 (12週間)</translation>
    </message>
    <message>
        <source>Weight, last 12 weeks</source>
        <translation>体重の推移 (12週間)</translation>
    </message>
    <message>
        <source>daily mean</source>
        <translation>日ごとの平均</translation>
    </message>
    <message>
        <source>7-day average</source>
        <translation>7日移動平均</translation>
    </message>
    <message>
        <source>Steps, last 4 weeks</source>
        <translation>歩数 (4週間)</translation>
    </message>
    <message>
        <source>target reached</source>
        <translation>目標達成</translation>
    </message>
    <message>
        <source>below target</source>
        <translation>目標未達</translation>
    </message>
    <message>
        <source>target {n} steps</source>
        <translation>目標 {n} 歩</translation>
    </message>
    <message>
        <source>Checkup: latest and previous</source>
        <translation>健診結果: 最新と前回</translation>
    </message>
    <message>
        <source>Item</source>
        <translation>項目</translation>
    </message>
    <message>
        <source>Mark</source>
        <translation>判定</translation>
    </message>
    <message>
        <source>Vaccinations (latest)</source>
        <translation>予防接種 (最近)</translation>
    </message>
    <message>
        <source> (dose {n})</source>
        <translation> ({n}回目)</translation>
    </message>
    <message>
        <source>Left out for space: {n} section(s).</source>
        <translation>紙面の都合で {n} 項目を省略しました。</translation>
    </message>
    <message>
        <source>This is a summary of what the person recorded, not a diagnosis. Classes apply the guidelines' thresholds for reference; please judge clinically.</source>
        <translation>この資料はご本人が記録した情報のまとめであり、診断ではありません。分類はガイドラインの基準値に当てはめた参考です。ご判断は診察でお願いします。</translation>
    </message>
    <message>
        <source>Made with phrapp · {name}</source>
        <translation>phrapp で作成 · {name}</translation>
    </message>
</context>
<context>
    <name>ProfileNameDialog</name>
    <message>
        <source>Add a person</source>
        <translation>人を追加</translation>
    </message>
    <message>
        <source>Name shown in phrapp (e.g. 母)</source>
        <translation>phrapp で表示する名前 (例: 母)</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>キャンセル</translation>
    </message>
    <message>
        <source>Add</source>
        <translation>追加</translation>
    </message>
</context>
<context>
    <name>RangeButtons</name>
    <message>
        <source>2 weeks</source>
        <translation>2週間</translation>
    </message>
    <message>
        <source>3 months</source>
        <translation>3か月</translation>
    </message>
    <message>
        <source>1 year</source>
        <translation>1年</translation>
    </message>
    <message>
        <source>All</source>
        <translation>すべて</translation>
    </message>
</context>
<context>
    <name>RecordDialog</name>
    <message>
        <source>Cancel</source>
        <translation>キャンセル</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>保存</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>日付</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>時刻</translation>
    </message>
    <message>
        <source>{field} is in the future.</source>
        <translation>{field}が未来の日時になっています。</translation>
    </message>
    <message>
        <source>{field} is outside the possible range.</source>
        <translation>{field}が入力できる範囲を超えています。</translation>
    </message>
</context>
<context>
    <name>RecoveryKeyDialog</name>
    <message>
        <source>Recovery key</source>
        <translation>回復キー</translation>
    </message>
    <message>
        <source>Your recovery key</source>
        <translation>あなたの回復キー</translation>
    </message>
    <message>
        <source>If you forget your passphrase, this key is the only way to open your vault. Save or print it now and keep it somewhere safe. It will not be shown again.</source>
        <translation>パスフレーズを忘れたとき、保管庫を開く方法はこのキーだけです。いま保存または印刷して、安全な場所に保管してください。このキーは二度と表示されません。</translation>
    </message>
    <message>
        <source>Copy</source>
        <translation>コピー</translation>
    </message>
    <message>
        <source>Save to a file…</source>
        <translation>ファイルに保存…</translation>
    </message>
    <message>
        <source>Print…</source>
        <translation>印刷…</translation>
    </message>
    <message>
        <source>I have saved the recovery key in a safe place</source>
        <translation>回復キーを安全な場所に保管しました</translation>
    </message>
    <message>
        <source>Continue</source>
        <translation>続ける</translation>
    </message>
    <message>
        <source>phrapp recovery key

{key}

With this key you can open your phrapp vault if you forget the passphrase.
Keep it somewhere safe and private.
</source>
        <translation>phrapp 回復キー

{key}

パスフレーズを忘れたときは、このキーで phrapp の保管庫を開けます。
人に見られない安全な場所に保管してください。
</translation>
    </message>
    <message>
        <source>Copied. The clipboard is cleared in one minute.</source>
        <translation>コピーしました。クリップボードの内容は1分後に消去されます。</translation>
    </message>
    <message>
        <source>Saved to {path}</source>
        <translation>{path} に保存しました</translation>
    </message>
    <message>
        <source>Save the recovery key</source>
        <translation>回復キーを保存</translation>
    </message>
    <message>
        <source>Text files (*.txt)</source>
        <translation>テキストファイル (*.txt)</translation>
    </message>
    <message>
        <source>Sent to the printer.</source>
        <translation>プリンターに送りました。</translation>
    </message>
</context>
<context>
    <name>SettingsPage</name>
    <message>
        <source>Settings</source>
        <translation>設定</translation>
    </message>
    <message>
        <source>Display and safety</source>
        <translation>表示と安全</translation>
    </message>
    <message>
        <source>Follow the system</source>
        <translation>システムの設定に合わせる</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>言語</translation>
    </message>
    <message>
        <source>Standard</source>
        <translation>標準</translation>
    </message>
    <message>
        <source>Large</source>
        <translation>大</translation>
    </message>
    <message>
        <source>Extra large</source>
        <translation>特大</translation>
    </message>
    <message>
        <source>Text size</source>
        <translation>文字の大きさ</translation>
    </message>
    <message>
        <source> min</source>
        <translation> 分</translation>
    </message>
    <message>
        <source>Lock after no use for</source>
        <translation>自動ロックまでの時間</translation>
    </message>
    <message>
        <source>Home time zone for new people</source>
        <translation>新しく追加する人のタイムゾーン</translation>
    </message>
    <message>
        <source> steps</source>
        <translation> 歩</translation>
    </message>
    <message>
        <source>Daily step target</source>
        <translation>1日の歩数の目標</translation>
    </message>
    <message>
        <source>Save settings</source>
        <translation>設定を保存</translation>
    </message>
    <message>
        <source>People in this vault</source>
        <translation>この保管庫の人</translation>
    </message>
    <message>
        <source>Add a person…</source>
        <translation>人を追加…</translation>
    </message>
    <message>
        <source>About your health</source>
        <translation>健康について</translation>
    </message>
    <message>
        <source>Your answers to the health questions and your goals are used on the overview. They are stored encrypted in this vault.</source>
        <translation>健康状態の質問への回答と目標はダッシュボードで使われます。この保管庫に暗号化して保存されます。</translation>
    </message>
    <message>
        <source>Health questions…</source>
        <translation>健康状態の質問…</translation>
    </message>
    <message>
        <source>Goals…</source>
        <translation>目標…</translation>
    </message>
    <message>
        <source>Unknown time zone. Choose one from the list.</source>
        <translation>タイムゾーンが正しくありません。一覧から選んでください。</translation>
    </message>
    <message>
        <source>Saved.</source>
        <translation>保存しました。</translation>
    </message>
    <message>
        <source>, </source>
        <translation>、</translation>
    </message>
    <message>
        <source>Added {name}. Choose them at the top to see their records.</source>
        <translation>{name} を追加しました。上の「表示する人」で切り替えると記録を見られます。</translation>
    </message>
</context>
<context>
    <name>SharePassphraseDialog</name>
    <message>
        <source>Passphrase of the share file</source>
        <translation>共有用ファイルのパスフレーズ</translation>
    </message>
    <message>
        <source>“{file}” is an encrypted share file. Enter the passphrase the patient told you (by phone or in person).</source>
        <translation>「{file}」は暗号化された共有用ファイルです。患者さんから (電話や対面で) 伝えられたパスフレーズを入力してください。</translation>
    </message>
    <message>
        <source>The file did not open with this passphrase: either the passphrase is not correct or the file is damaged. Check the passphrase and try again.</source>
        <translation>このパスフレーズではファイルを開けませんでした。パスフレーズが違うか、ファイルが壊れています。パスフレーズを確かめて、もう一度お試しください。</translation>
    </message>
    <message>
        <source>Passphrase</source>
        <translation>パスフレーズ</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>キャンセル</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>開く</translation>
    </message>
</context>
<context>
    <name>StepsChart</name>
    <message>
        <source>steps</source>
        <translation>歩</translation>
    </message>
    <message>
        <source>Target met</source>
        <translation>目標達成</translation>
    </message>
    <message>
        <source>Below target</source>
        <translation>目標未達</translation>
    </message>
    <message>
        <source>Weekly average</source>
        <translation>週の平均</translation>
    </message>
    <message>
        <source>Target {steps} steps</source>
        <translation>目標 {steps} 歩</translation>
    </message>
    <message>
        <source>{steps} steps</source>
        <translation>{steps} 歩</translation>
    </message>
</context>
<context>
    <name>StepsDialog</name>
    <message>
        <source>Add steps</source>
        <translation>歩数を記録する</translation>
    </message>
    <message>
        <source>Edit steps</source>
        <translation>歩数を修正する</translation>
    </message>
    <message>
        <source> steps</source>
        <translation> 歩</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>日付</translation>
    </message>
    <message>
        <source>Steps</source>
        <translation>歩数</translation>
    </message>
    <message>
        <source>If you already entered steps for this day, the new count replaces them (you can undo).</source>
        <translation>この日の歩数をすでに手入力している場合は、新しい値に置き換わります (元に戻せます)。</translation>
    </message>
</context>
<context>
    <name>StepsPage</name>
    <message>
        <source>Steps</source>
        <translation>歩数</translation>
    </message>
    <message>
        <source>No step counts yet</source>
        <translation>歩数の記録はまだありません</translation>
    </message>
    <message>
        <source>Enter the steps of a day from your pedometer or phone. Daily bars show whether you reached your target.</source>
        <translation>歩数計やスマートフォンの1日の歩数を記録しましょう。目標に届いた日が棒グラフでわかります。</translation>
    </message>
    <message>
        <source>Latest day</source>
        <translation>最新の日</translation>
    </message>
    <message>
        <source>7-day average</source>
        <translation>7日間の平均</translation>
    </message>
    <message>
        <source>Days on target (7 days)</source>
        <translation>目標を達成した日 (7日間)</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>日付</translation>
    </message>
    <message>
        <source>Target</source>
        <translation>目標</translation>
    </message>
    <message>
        <source>Met</source>
        <translation>達成</translation>
    </message>
    <message>
        <source>Not met</source>
        <translation>未達</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>入力元</translation>
    </message>
    <message>
        <source>Used for the day</source>
        <translation>この日の値</translation>
    </message>
    <message>
        <source>Yes</source>
        <translation>採用</translation>
    </message>
    <message>
        <source>{steps} steps</source>
        <translation>{steps} 歩</translation>
    </message>
    <message>
        <source>No step counts in the last 7 days</source>
        <translation>直近7日間の記録はありません</translation>
    </message>
    <message>
        <source>{met} of {days} days</source>
        <translation>{days} 日中 {met} 日</translation>
    </message>
    <message>
        <source>Target: {steps} steps</source>
        <translation>目標: {steps} 歩</translation>
    </message>
</context>
<context>
    <name>Strength</name>
    <message>
        <source>Very weak</source>
        <translation>とても弱い</translation>
    </message>
    <message>
        <source>Weak</source>
        <translation>弱い</translation>
    </message>
    <message>
        <source>Fair</source>
        <translation>ふつう</translation>
    </message>
    <message>
        <source>Strong</source>
        <translation>強い</translation>
    </message>
    <message>
        <source>Very strong</source>
        <translation>とても強い</translation>
    </message>
    <message>
        <source>Use at least 12 characters, e.g. several unrelated words.</source>
        <translation>12文字以上にしてください。関係のない単語をいくつか並べると、覚えやすく強くなります。</translation>
    </message>
    <message>
        <source>Long enough, but easy to guess. Unrelated words are better.</source>
        <translation>長さは十分ですが、推測されやすい並びです。関係のない単語を組み合わせるとより安全です。</translation>
    </message>
    <message>
        <source>Good. Write it down somewhere safe.</source>
        <translation>十分な強さです。安全な場所に書き留めておきましょう。</translation>
    </message>
</context>
<context>
    <name>TimeChart</name>
    <message>
        <source>Average of several readings: {value}</source>
        <translation>複数の測定の平均: {value}</translation>
    </message>
</context>
<context>
    <name>VaultWindow</name>
    <message>
        <source>Open your vault</source>
        <translation>保管庫を開く</translation>
    </message>
    <message>
        <source>Your records are encrypted. Enter your passphrase to see them.</source>
        <translation>記録は暗号化されています。見るにはパスフレーズを入力してください。</translation>
    </message>
    <message>
        <source>Passphrase</source>
        <translation>パスフレーズ</translation>
    </message>
    <message>
        <source>Use the recovery key instead</source>
        <translation>回復キーで開く</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>開く</translation>
    </message>
    <message>
        <source>Vault folder: {path}</source>
        <translation>保管庫のフォルダー: {path}</translation>
    </message>
    <message>
        <source>Recovery key</source>
        <translation>回復キー</translation>
    </message>
    <message>
        <source>Enter your passphrase.</source>
        <translation>パスフレーズを入力してください。</translation>
    </message>
    <message>
        <source>The recovery key is not correct.</source>
        <translation>回復キーが違います。</translation>
    </message>
    <message>
        <source>Create your vault</source>
        <translation>保管庫を作る</translation>
    </message>
    <message>
        <source>phrapp keeps your health records encrypted in a vault on this computer. Choose a passphrase: several unrelated words are easy to remember and hard to guess.</source>
        <translation>phrapp は健康記録を暗号化して、このパソコンの保管庫にしまいます。保管庫を開くためのパスフレーズを決めてください。関係のない単語をいくつか並べると、覚えやすく推測されにくくなります。</translation>
    </message>
    <message>
        <source>Passphrase again</source>
        <translation>パスフレーズ (確認のためもう一度)</translation>
    </message>
    <message>
        <source>Show the passphrase</source>
        <translation>パスフレーズを表示する</translation>
    </message>
    <message>
        <source>Your name in phrapp</source>
        <translation>phrapp で表示するあなたの名前</translation>
    </message>
    <message>
        <source>Me</source>
        <translation>本人</translation>
    </message>
    <message>
        <source>I understand: if I forget the passphrase and lose the recovery key, nobody can open my records.</source>
        <translation>パスフレーズを忘れて回復キーもなくした場合、誰も記録を開けなくなることを理解しました。</translation>
    </message>
    <message>
        <source>Create the vault</source>
        <translation>保管庫を作る</translation>
    </message>
    <message>
        <source>The two passphrases are different.</source>
        <translation>2つのパスフレーズが一致しません。</translation>
    </message>
    <message>
        <source>Creating the vault…</source>
        <translation>保管庫を作っています…</translation>
    </message>
    <message>
        <source>Locked</source>
        <translation>ロック中</translation>
    </message>
    <message>
        <source>This is the demo with made-up data, so no passphrase is needed. Your own vault asks for its passphrase here.</source>
        <translation>これは架空のデータを使ったデモなので、パスフレーズは不要です。ご自分の保管庫では、ここでパスフレーズを入力します。</translation>
    </message>
    <message>
        <source>Show the demo again</source>
        <translation>デモをもう一度表示</translation>
    </message>
</context>
<context>
    <name>VisitDialog</name>
    <message>
        <source>Record a doctor's visit</source>
        <translation>受診を記録</translation>
    </message>
    <message>
        <source>About</source>
        <translation>項目</translation>
    </message>
    <message>
        <source>Date of the visit</source>
        <translation>受診日</translation>
    </message>
    <message>
        <source>optional, e.g. the clinic's name</source>
        <translation>任意、例: 医療機関の名前</translation>
    </message>
    <message>
        <source>Clinic or hospital</source>
        <translation>医療機関</translation>
    </message>
</context>
<context>
    <name>Vitals</name>
    <message>
        <source>Morning</source>
        <translation>朝</translation>
    </message>
    <message>
        <source>Evening</source>
        <translation>晩</translation>
    </message>
    <message>
        <source>Other</source>
        <translation>その他</translation>
    </message>
    <message>
        <source>{start} – {end}</source>
        <translation>{start}〜{end}</translation>
    </message>
</context>
<context>
    <name>WeightChart</name>
    <message>
        <source>Weight</source>
        <translation>体重</translation>
    </message>
    <message>
        <source>7-day average</source>
        <translation>7日間の平均</translation>
    </message>
    <message>
        <source>{kg} kg</source>
        <translation>{kg} kg</translation>
    </message>
    <message>
        <source>Body fat {pct} %</source>
        <translation>体脂肪率 {pct} %</translation>
    </message>
</context>
<context>
    <name>WeightDialog</name>
    <message>
        <source>Add a weight</source>
        <translation>体重を記録する</translation>
    </message>
    <message>
        <source>Edit a weight</source>
        <translation>体重の記録を修正する</translation>
    </message>
    <message>
        <source>not entered</source>
        <translation>未入力</translation>
    </message>
    <message>
        <source>Weight</source>
        <translation>体重</translation>
    </message>
    <message>
        <source>Body fat %</source>
        <translation>体脂肪率</translation>
    </message>
    <message>
        <source>Date and time</source>
        <translation>日時</translation>
    </message>
</context>
<context>
    <name>WeightPage</name>
    <message>
        <source>Weight</source>
        <translation>体重</translation>
    </message>
    <message>
        <source>No weight records yet</source>
        <translation>体重の記録はまだありません</translation>
    </message>
    <message>
        <source>Weigh yourself at the same time of day, e.g. after getting up. Daily points and a 7-day average appear here.</source>
        <translation>起床後など、毎日同じタイミングで測りましょう。ここに毎日の値と7日間の平均が表示されます。</translation>
    </message>
    <message>
        <source>Latest weight</source>
        <translation>最新の体重</translation>
    </message>
    <message>
        <source>7-day average</source>
        <translation>7日間の平均</translation>
    </message>
    <message>
        <source>Weighings in 7 days</source>
        <translation>7日間の測定回数</translation>
    </message>
    <message>
        <source>Date and time</source>
        <translation>日時</translation>
    </message>
    <message>
        <source>Weight (kg)</source>
        <translation>体重 (kg)</translation>
    </message>
    <message>
        <source>Body fat (%)</source>
        <translation>体脂肪率 (%)</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>入力元</translation>
    </message>
    <message>
        <source>{kg} kg</source>
        <translation>{kg} kg</translation>
    </message>
    <message>
        <source>No weighings in the last 7 days</source>
        <translation>直近7日間の測定はありません</translation>
    </message>
    <message>
        <source>{count} times</source>
        <translation>{count} 回</translation>
    </message>
    <message>
        <source>{total} weighings in all</source>
        <translation>全部で {total} 回</translation>
    </message>
</context>
<context>
    <name>WhyDialog</name>
    <message>
        <source>Why? {card}</source>
        <translation>なぜ? {card}</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>閉じる</translation>
    </message>
</context>
<context>
    <name>Words</name>
    <message>
        <source>In range</source>
        <translation>基準内</translation>
    </message>
    <message>
        <source>Guidance</source>
        <translation>保健指導</translation>
    </message>
    <message>
        <source>Referral</source>
        <translation>受診勧奨</translation>
    </message>
    <message>
        <source>{word} (ref.)</source>
        <translation>{word} (参考)</translation>
    </message>
    <message>
        <source>Meets the criteria</source>
        <translation>基準該当</translation>
    </message>
    <message>
        <source>Borderline (pre-syndrome)</source>
        <translation>予備群該当</translation>
    </message>
    <message>
        <source>Does not meet the criteria</source>
        <translation>非該当</translation>
    </message>
    <message>
        <source>Could not be judged</source>
        <translation>判定不能</translation>
    </message>
    <message>
        <source>Intensive support</source>
        <translation>積極的支援</translation>
    </message>
    <message>
        <source>Motivational support</source>
        <translation>動機付け支援</translation>
    </message>
    <message>
        <source>No support needed</source>
        <translation>なし</translation>
    </message>
    <message>
        <source>By the guideline's standard this is at the referral threshold ({threshold}). Please talk to your doctor about it.</source>
        <translation>ガイドラインの基準では受診勧奨判定値 ({threshold}) に当たります。医師にご相談ください。</translation>
    </message>
    <message>
        <source>By the guideline's standard this is at the guidance threshold ({threshold}): a level where lifestyle advice is offered.</source>
        <translation>ガイドラインの基準では保健指導判定値 ({threshold}) に当たります。生活習慣の改善について助言を受ける目安です。</translation>
    </message>
    <message>
        <source>The guideline gives no threshold for this item.</source>
        <translation>この項目にはガイドラインの判定値がありません。</translation>
    </message>
    <message>
        <source>Below the guidance threshold: within the range the guideline considers normal.</source>
        <translation>保健指導判定値を下回っており、ガイドラインの基準範囲内です。</translation>
    </message>
    <message>
        <source>High (H)</source>
        <translation>高値 (H)</translation>
    </message>
    <message>
        <source>Low (L)</source>
        <translation>低値 (L)</translation>
    </message>
    <message>
        <source>Normal (N)</source>
        <translation>基準内 (N)</translation>
    </message>
    <message>
        <source>Height</source>
        <translation>身長</translation>
    </message>
    <message>
        <source>Weight</source>
        <translation>体重</translation>
    </message>
    <message>
        <source>BMI</source>
        <translation>BMI</translation>
    </message>
    <message>
        <source>Waist (measured)</source>
        <translation>腹囲(実測)</translation>
    </message>
    <message>
        <source>Waist (self-judged)</source>
        <translation>腹囲(自己判定)</translation>
    </message>
    <message>
        <source>Waist (self-reported)</source>
        <translation>腹囲(自己申告)</translation>
    </message>
    <message>
        <source>Visceral fat area</source>
        <translation>内臓脂肪面積</translation>
    </message>
    <message>
        <source>Systolic BP</source>
        <translation>収縮期血圧</translation>
    </message>
    <message>
        <source>Systolic BP (1st)</source>
        <translation>収縮期血圧(1回目)</translation>
    </message>
    <message>
        <source>Systolic BP (2nd)</source>
        <translation>収縮期血圧(2回目)</translation>
    </message>
    <message>
        <source>Diastolic BP</source>
        <translation>拡張期血圧</translation>
    </message>
    <message>
        <source>Diastolic BP (1st)</source>
        <translation>拡張期血圧(1回目)</translation>
    </message>
    <message>
        <source>Diastolic BP (2nd)</source>
        <translation>拡張期血圧(2回目)</translation>
    </message>
    <message>
        <source>Time since the last meal</source>
        <translation>採血時間(食後)</translation>
    </message>
    <message>
        <source>Triglycerides (fasting)</source>
        <translation>空腹時中性脂肪</translation>
    </message>
    <message>
        <source>Triglycerides (non-fasting)</source>
        <translation>随時中性脂肪</translation>
    </message>
    <message>
        <source>HDL cholesterol</source>
        <translation>HDLコレステロール</translation>
    </message>
    <message>
        <source>LDL cholesterol</source>
        <translation>LDLコレステロール</translation>
    </message>
    <message>
        <source>Non-HDL cholesterol</source>
        <translation>Non-HDLコレステロール</translation>
    </message>
    <message>
        <source>AST (GOT)</source>
        <translation>AST(GOT)</translation>
    </message>
    <message>
        <source>ALT (GPT)</source>
        <translation>ALT(GPT)</translation>
    </message>
    <message>
        <source>γ-GT (γ-GTP)</source>
        <translation>γ-GT(γ-GTP)</translation>
    </message>
    <message>
        <source>Serum creatinine</source>
        <translation>血清クレアチニン</translation>
    </message>
    <message>
        <source>eGFR</source>
        <translation>eGFR</translation>
    </message>
    <message>
        <source>Uric acid</source>
        <translation>血清尿酸</translation>
    </message>
    <message>
        <source>Fasting glucose</source>
        <translation>空腹時血糖</translation>
    </message>
    <message>
        <source>Non-fasting glucose</source>
        <translation>随時血糖</translation>
    </message>
    <message>
        <source>HbA1c (NGSP)</source>
        <translation>HbA1c(NGSP値)</translation>
    </message>
    <message>
        <source>Urine glucose</source>
        <translation>尿糖</translation>
    </message>
    <message>
        <source>Urine protein</source>
        <translation>尿蛋白</translation>
    </message>
    <message>
        <source>Haemoglobin</source>
        <translation>血色素量(ヘモグロビン値)</translation>
    </message>
    <message>
        <source>Haematocrit</source>
        <translation>ヘマトクリット値</translation>
    </message>
    <message>
        <source>Red blood cells</source>
        <translation>赤血球数</translation>
    </message>
    <message>
        <source>Past illnesses</source>
        <translation>既往歴</translation>
    </message>
    <message>
        <source>Symptoms you noticed</source>
        <translation>自覚症状</translation>
    </message>
    <message>
        <source>Findings of the doctor</source>
        <translation>他覚症状</translation>
    </message>
    <message>
        <source>Medicine for blood pressure</source>
        <translation>服薬(血圧)</translation>
    </message>
    <message>
        <source>Medicine for blood glucose</source>
        <translation>服薬(血糖)</translation>
    </message>
    <message>
        <source>Medicine for cholesterol</source>
        <translation>服薬(脂質)</translation>
    </message>
    <message>
        <source>Smoking</source>
        <translation>喫煙</translation>
    </message>
    <message>
        <source>Drinking</source>
        <translation>飲酒</translation>
    </message>
    <message>
        <source>Amount of alcohol</source>
        <translation>飲酒量</translation>
    </message>
    <message>
        <source>Metabolic syndrome</source>
        <translation>メタボリックシンドローム判定</translation>
    </message>
    <message>
        <source>Health guidance level</source>
        <translation>保健指導レベル</translation>
    </message>
    <message>
        <source>Doctor's judgement</source>
        <translation>医師の判断</translation>
    </message>
    <message>
        <source>Doctor's name</source>
        <translation>医師の氏名</translation>
    </message>
    <message>
        <source>Body measurements</source>
        <translation>身体計測</translation>
    </message>
    <message>
        <source>Examination</source>
        <translation>診察</translation>
    </message>
    <message>
        <source>Blood pressure</source>
        <translation>血圧</translation>
    </message>
    <message>
        <source>Blood sample</source>
        <translation>採血条件</translation>
    </message>
    <message>
        <source>Blood chemistry</source>
        <translation>生化学検査</translation>
    </message>
    <message>
        <source>Blood glucose</source>
        <translation>血糖検査</translation>
    </message>
    <message>
        <source>Urine</source>
        <translation>尿検査</translation>
    </message>
    <message>
        <source>Blood count</source>
        <translation>血液像検査</translation>
    </message>
    <message>
        <source>Questionnaire</source>
        <translation>質問票</translation>
    </message>
    <message>
        <source>Other items</source>
        <translation>その他の項目</translation>
    </message>
    <message>
        <source>Not done</source>
        <translation>未実施</translation>
    </message>
    <message>
        <source>Could not be measured</source>
        <translation>測定不能</translation>
    </message>
    <message>
        <source>Normal</source>
        <translation>正常</translation>
    </message>
    <message>
        <source>Slightly high</source>
        <translation>やや高め</translation>
    </message>
    <message>
        <source>High</source>
        <translation>高め</translation>
    </message>
    <message>
        <source>High blood pressure (grade I)</source>
        <translation>高血圧 (I度)</translation>
    </message>
    <message>
        <source>High blood pressure (grade II)</source>
        <translation>高血圧 (II度)</translation>
    </message>
    <message>
        <source>High blood pressure (grade III)</source>
        <translation>高血圧 (III度)</translation>
    </message>
    <message>
        <source>Steps</source>
        <translation>歩数</translation>
    </message>
    <message>
        <source>Lab results</source>
        <translation>検査結果</translation>
    </message>
    <message>
        <source>Checkup results</source>
        <translation>健診結果</translation>
    </message>
    <message>
        <source>Medicines</source>
        <translation>お薬</translation>
    </message>
    <message>
        <source>Allergies</source>
        <translation>アレルギー・副作用歴</translation>
    </message>
    <message>
        <source>Vaccinations</source>
        <translation>予防接種</translation>
    </message>
    <message>
        <source>Health background</source>
        <translation>健康に関する背景</translation>
    </message>
    <message>
        <source>Follow-up visits</source>
        <translation>受診記録</translation>
    </message>
    <message>
        <source>{kind}: {count}</source>
        <translation>{kind} {count}件</translation>
    </message>
    <message>
        <source>, </source>
        <translation>、</translation>
    </message>
    <message>
        <source>Specific health checkup results (特定健診 XML)</source>
        <translation>特定健診の結果 (XML)</translation>
    </message>
    <message>
        <source>Medication record (お薬手帳 JAHIS file)</source>
        <translation>お薬手帳 (JAHIS ファイル)</translation>
    </message>
    <message>
        <source>Medication record (お薬手帳 QR code)</source>
        <translation>お薬手帳 (QR コード)</translation>
    </message>
    <message>
        <source>Health data exchange CSV (健康情報等交換規約)</source>
        <translation>健康情報等交換規約の CSV</translation>
    </message>
    <message>
        <source>OMRON connect CSV</source>
        <translation>OMRON connect の CSV</translation>
    </message>
    <message>
        <source>Tanita Health Planet data</source>
        <translation>タニタ ヘルスプラネットのデータ</translation>
    </message>
    <message>
        <source>Apple Health export</source>
        <translation>Apple ヘルスケアの書き出し</translation>
    </message>
    <message>
        <source>CSV file (columns assigned)</source>
        <translation>CSV ファイル (列の割り当て)</translation>
    </message>
    <message>
        <source>phrapp CSV export</source>
        <translation>phrapp の CSV 書き出し</translation>
    </message>
    <message>
        <source>FHIR file</source>
        <translation>FHIR ファイル</translation>
    </message>
    <message>
        <source>phrapp share package</source>
        <translation>phrapp の共有パッケージ</translation>
    </message>
    <message>
        <source>probably the same reading from another device or app</source>
        <translation>別の機器やアプリからの同じ測定値とみられるもの</translation>
    </message>
    <message>
        <source>an older version than the one already stored</source>
        <translation>保存済みのものより古い版</translation>
    </message>
    <message>
        <source>a value outside the possible range</source>
        <translation>ありえない範囲の値</translation>
    </message>
    <message>
        <source>files in the archive that are not checkup results</source>
        <translation>zip の中の健診結果以外のファイル</translation>
    </message>
    <message>
        <source>a required value is missing</source>
        <translation>必要な値がない</translation>
    </message>
    <message>
        <source>a date or time that cannot be read</source>
        <translation>読めない日付・時刻</translation>
    </message>
    <message>
        <source>an unknown time zone</source>
        <translation>不明なタイムゾーン</translation>
    </message>
    <message>
        <source>an entry that cannot be read</source>
        <translation>読めない記録</translation>
    </message>
    <message>
        <source>entries that contradict each other</source>
        <translation>互いに食い違う記録</translation>
    </message>
    <message>
        <source>a blood pressure without both values</source>
        <translation>最高・最低の両方がそろわない血圧</translation>
    </message>
    <message>
        <source>a weighing without a value</source>
        <translation>値のない体重</translation>
    </message>
    <message>
        <source>a step count without a value</source>
        <translation>値のない歩数</translation>
    </message>
    <message>
        <source>body composition without a weight</source>
        <translation>体重のない体組成</translation>
    </message>
    <message>
        <source>a day without a step count</source>
        <translation>歩数のない日</translation>
    </message>
    <message>
        <source>copies of blood pressure values already counted</source>
        <translation>すでに数えた血圧値の写し</translation>
    </message>
    <message>
        <source>body fat without a weight at the same time</source>
        <translation>同じ時刻の体重がない体脂肪率</translation>
    </message>
    <message>
        <source>kinds of data phrapp does not keep</source>
        <translation>phrapp が保存しない種類のデータ</translation>
    </message>
    <message>
        <source>a unit phrapp cannot convert</source>
        <translation>phrapp が換算できない単位</translation>
    </message>
    <message>
        <source>workouts</source>
        <translation>ワークアウト</translation>
    </message>
    <message>
        <source>activity summaries</source>
        <translation>アクティビティの集計</translation>
    </message>
    <message>
        <source>clinical records</source>
        <translation>診療記録</translation>
    </message>
    <message>
        <source>entries marked as entered in error</source>
        <translation>誤入力とされた記録</translation>
    </message>
    <message>
        <source>results that are not final</source>
        <translation>確定していない結果</translation>
    </message>
    <message>
        <source>records that are not completed</source>
        <translation>完了していない記録</translation>
    </message>
    <message>
        <source>observations phrapp does not keep</source>
        <translation>phrapp が保存しない検査・測定</translation>
    </message>
    <message>
        <source>measurements phrapp does not keep</source>
        <translation>phrapp が保存しない測定値</translation>
    </message>
    <message>
        <source>a dispensing without medicines</source>
        <translation>薬のない調剤記録</translation>
    </message>
    <message>
        <source>an OTC medicine without a name</source>
        <translation>名前のない市販薬</translation>
    </message>
    <message>
        <source>an OTC medicine without a date</source>
        <translation>日付のない市販薬</translation>
    </message>
    <message>
        <source>empty notes</source>
        <translation>空のメモ</translation>
    </message>
</context>
</TS>
