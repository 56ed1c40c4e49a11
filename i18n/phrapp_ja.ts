<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ja_JP" sourcelanguage="en">
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
    <name>DashboardCard</name>
    <message>
        <source>7-day average</source>
        <translation>7日間の平均</translation>
    </message>
</context>
<context>
    <name>DashboardPage</name>
    <message>
        <source>Overview</source>
        <translation>ダッシュボード</translation>
    </message>
    <message>
        <source>Blood pressure</source>
        <translation>血圧</translation>
    </message>
    <message>
        <source>Open blood pressure</source>
        <translation>血圧を見る</translation>
    </message>
    <message>
        <source>Weight</source>
        <translation>体重</translation>
    </message>
    <message>
        <source>Open weight</source>
        <translation>体重を見る</translation>
    </message>
    <message>
        <source>Steps</source>
        <translation>歩数</translation>
    </message>
    <message>
        <source>Open steps</source>
        <translation>歩数を見る</translation>
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
        <source>No records in the last 7 days</source>
        <translation>直近7日間の記録はありません</translation>
    </message>
    <message>
        <source>{sys}/{dia} mmHg</source>
        <translation>{sys}/{dia} mmHg</translation>
    </message>
    <message>
        <source>{count} readings in 7 days</source>
        <translation>7日間で {count} 回測定</translation>
    </message>
    <message>
        <source>Latest: {sys}/{dia} mmHg ({when}, {slot})</source>
        <translation>最新: {when} {slot}、{sys}/{dia} mmHg</translation>
    </message>
    <message>
        <source>{kg} kg</source>
        <translation>{kg} kg</translation>
    </message>
    <message>
        <source>{count} weighings in 7 days</source>
        <translation>7日間で {count} 回測定</translation>
    </message>
    <message>
        <source>Latest: {kg} kg ({when})</source>
        <translation>最新: {when}、{kg} kg</translation>
    </message>
    <message>
        <source>{steps} steps</source>
        <translation>{steps} 歩</translation>
    </message>
    <message>
        <source>Target of {target} steps met on {met} of {days} days</source>
        <translation>目標 {target} 歩を {days} 日中 {met} 日達成</translation>
    </message>
    <message>
        <source>Latest: {steps} steps ({date})</source>
        <translation>最新: {date}、{steps} 歩</translation>
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
</TS>
