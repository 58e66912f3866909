<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ja_JP">
<context>
    <name>Actions</name>
    <message>
        <source>&amp;New incident…</source>
        <translation>新規インシデント(&amp;N)…</translation>
    </message>
    <message>
        <source>Start a new incident or maintenance notice</source>
        <translation>障害またはメンテナンスの新しいインシデントを作成します</translation>
    </message>
    <message>
        <source>&amp;Open…</source>
        <translation>開く(&amp;O)…</translation>
    </message>
    <message>
        <source>Open an incident file</source>
        <translation>インシデントファイルを開きます</translation>
    </message>
    <message>
        <source>&amp;Save</source>
        <translation>保存(&amp;S)</translation>
    </message>
    <message>
        <source>Save the incident</source>
        <translation>インシデントを保存します</translation>
    </message>
    <message>
        <source>Save &amp;As…</source>
        <translation>名前を付けて保存(&amp;A)…</translation>
    </message>
    <message>
        <source>Save the incident under a new name</source>
        <translation>インシデントを別の名前で保存します</translation>
    </message>
    <message>
        <source>&amp;Close window</source>
        <translation>ウィンドウを閉じる(&amp;C)</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>終了(&amp;Q)</translation>
    </message>
    <message>
        <source>&amp;Undo</source>
        <translation>元に戻す(&amp;U)</translation>
    </message>
    <message>
        <source>&amp;Redo</source>
        <translation>やり直し(&amp;R)</translation>
    </message>
    <message>
        <source>Cu&amp;t</source>
        <translation>切り取り(&amp;T)</translation>
    </message>
    <message>
        <source>&amp;Copy</source>
        <translation>コピー(&amp;C)</translation>
    </message>
    <message>
        <source>&amp;Paste</source>
        <translation>貼り付け(&amp;P)</translation>
    </message>
    <message>
        <source>Select &amp;all</source>
        <translation>すべて選択(&amp;A)</translation>
    </message>
    <message>
        <source>&amp;Find…</source>
        <translation>検索(&amp;F)…</translation>
    </message>
    <message>
        <source>Find text in the fields of this notice</source>
        <translation>この通知の項目内のテキストを検索します</translation>
    </message>
    <message>
        <source>Find ne&amp;xt</source>
        <translation>次を検索(&amp;X)</translation>
    </message>
    <message>
        <source>Find pre&amp;vious</source>
        <translation>前を検索(&amp;V)</translation>
    </message>
    <message>
        <source>Refresh &amp;preview</source>
        <translation>プレビューを更新(&amp;P)</translation>
    </message>
    <message>
        <source>Render and check again now</source>
        <translation>今すぐ再表示して、もう一度チェックします</translation>
    </message>
    <message>
        <source>&amp;Next finding</source>
        <translation>次の指摘(&amp;N)</translation>
    </message>
    <message>
        <source>Select the next finding in the form</source>
        <translation>フォーム内の次の指摘を選択します</translation>
    </message>
    <message>
        <source>&amp;Previous finding</source>
        <translation>前の指摘(&amp;P)</translation>
    </message>
    <message>
        <source>New &amp;update</source>
        <translation>続報を作成(&amp;U)</translation>
    </message>
    <message>
        <source>Start the next update from the last sent notice</source>
        <translation>最後に送信した通知をもとに次の続報を作成します</translation>
    </message>
    <message>
        <source>New &amp;resolution</source>
        <translation>復旧報告を作成(&amp;R)</translation>
    </message>
    <message>
        <source>Tell recipients it is over</source>
        <translation>障害が解消したことを宛先にお知らせします</translation>
    </message>
    <message>
        <source>New &amp;post-incident notice</source>
        <translation>事後報告を作成(&amp;P)</translation>
    </message>
    <message>
        <source>What happened and what will change: a separate, later notice</source>
        <translation>何が起きたか、今後何を改善するかを、後日あらためてお知らせする通知です</translation>
    </message>
    <message>
        <source>New &amp;maintenance stage</source>
        <translation>メンテナンス通知を作成(&amp;M)</translation>
    </message>
    <message>
        <source>The maintenance&apos;s next notice: a reminder, its start, an extension or its completion</source>
        <translation>メンテナンスの次の通知（事前のご案内、開始、延長、完了）を作成します</translation>
    </message>
    <message>
        <source>Start &amp;from…</source>
        <translation>ひな形から作成(&amp;F)…</translation>
    </message>
    <message>
        <source>Fill this notice from a starting text</source>
        <translation>ひな形の文面をこの通知に入力します</translation>
    </message>
    <message>
        <source>&amp;Send…</source>
        <translation>送信(&amp;S)…</translation>
    </message>
    <message>
        <source>Send the notice to its recipients</source>
        <translation>通知を宛先に送信します</translation>
    </message>
    <message>
        <source>Send a &amp;test to myself…</source>
        <translation>自分宛てにテスト送信(&amp;T)…</translation>
    </message>
    <message>
        <source>Send a [TEST] copy only to the account&apos;s own address</source>
        <translation>[TEST] 付きのコピーを、アカウント自身のアドレスにだけ送信します</translation>
    </message>
    <message>
        <source>Request &amp;review…</source>
        <translation>レビューを依頼(&amp;R)…</translation>
    </message>
    <message>
        <source>Ask a reviewer to approve this notice</source>
        <translation>この通知の承認をレビュー担当者に依頼します</translation>
    </message>
    <message>
        <source>Request review by &amp;email…</source>
        <translation>メールでレビューを依頼(&amp;E)…</translation>
    </message>
    <message>
        <source>Email the notice and the incident file to a reviewer</source>
        <translation>通知とインシデントファイルをレビュー担当者にメールで送ります</translation>
    </message>
    <message>
        <source>&amp;Approve…</source>
        <translation>承認(&amp;A)…</translation>
    </message>
    <message>
        <source>Approve the exact text of this notice</source>
        <translation>この通知の文面をそのまま承認します</translation>
    </message>
    <message>
        <source>Request &amp;changes…</source>
        <translation>修正を依頼(&amp;C)…</translation>
    </message>
    <message>
        <source>Send the notice back with a comment</source>
        <translation>コメントを付けて通知を差し戻します</translation>
    </message>
    <message>
        <source>Show the re&amp;view</source>
        <translation>レビューを表示(&amp;V)</translation>
    </message>
    <message>
        <source>Approval, history and comments</source>
        <translation>承認、履歴、コメント</translation>
    </message>
    <message>
        <source>&amp;Timeline…</source>
        <translation>タイムライン(&amp;T)…</translation>
    </message>
    <message>
        <source>Every notice and review event of the incident, in its time zone and UTC</source>
        <translation>インシデントのすべての通知とレビューの記録を、インシデントのタイムゾーンとUTCで表示します</translation>
    </message>
    <message>
        <source>&amp;Languages…</source>
        <translation>言語(&amp;L)…</translation>
    </message>
    <message>
        <source>The languages this incident&apos;s notices are written in: one, or two in the same email</source>
        <translation>このインシデントの通知を書く言語です（1 言語、または同じメールに 2 言語）</translation>
    </message>
    <message>
        <source>&amp;Export…</source>
        <translation>エクスポート(&amp;E)…</translation>
    </message>
    <message>
        <source>Write the whole incident as Markdown or HTML for the records</source>
        <translation>記録用に、インシデント全体をMarkdownまたはHTMLで書き出します</translation>
    </message>
    <message>
        <source>&amp;Publish status page…</source>
        <translation>ステータスページを公開(&amp;P)…</translation>
    </message>
    <message>
        <source>Write the static status page from the sent notices of your incident files</source>
        <translation>インシデントファイルの送信済み通知から、静的なステータスページを書き出します</translation>
    </message>
    <message>
        <source>&amp;Mail accounts…</source>
        <translation>メールアカウント(&amp;M)…</translation>
    </message>
    <message>
        <source>Add, change or test the accounts you send through</source>
        <translation>送信に使うアカウントの追加、変更、テストを行います</translation>
    </message>
    <message>
        <source>&amp;Settings…</source>
        <translation>設定(&amp;S)…</translation>
    </message>
    <message>
        <source>Writing checks, your name, review rules, appearance and mail accounts</source>
        <translation>文章チェック、お名前、レビューのルール、外観、メールアカウント</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>ファイル(&amp;F)</translation>
    </message>
    <message>
        <source>Open &amp;recent</source>
        <translation>最近使ったファイル(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>編集(&amp;E)</translation>
    </message>
    <message>
        <source>&amp;Notice</source>
        <translation>通知(&amp;N)</translation>
    </message>
    <message>
        <source>&amp;Incident</source>
        <translation>インシデント(&amp;I)</translation>
    </message>
    <message>
        <source>Re&amp;view</source>
        <translation>レビュー(&amp;V)</translation>
    </message>
    <message>
        <source>Sen&amp;d</source>
        <translation>送信(&amp;D)</translation>
    </message>
    <message>
        <source>Se&amp;ttings</source>
        <translation>設定(&amp;T)</translation>
    </message>
    <message>
        <source>Main</source>
        <translation>メイン</translation>
    </message>
    <message>
        <source>&amp;Writing a good notice</source>
        <translation>良い通知の書き方(&amp;W)</translation>
    </message>
    <message>
        <source>The rules this app follows, with their sources</source>
        <translation>このアプリが従うルールと、その出典</translation>
    </message>
    <message>
        <source>&amp;Keyboard shortcuts</source>
        <translation>キーボードショートカット(&amp;K)</translation>
    </message>
    <message>
        <source>Open the &amp;example incident</source>
        <translation>サンプルのインシデントを開く(&amp;E)</translation>
    </message>
    <message>
        <source>Your own copy of a well-written example</source>
        <translation>よく書けた例を、あなた専用のコピーで開きます</translation>
    </message>
    <message>
        <source>&amp;About OutageWriter</source>
        <translation>OutageWriterについて(&amp;A)</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>ヘルプ(&amp;H)</translation>
    </message>
</context>
<context>
    <name>Autosave</name>
    <message>
        <source>Autosave failed: %1. Save the file to keep your work.</source>
        <translation>自動保存に失敗しました：%1。作業内容を残すため、ファイルを保存してください。</translation>
    </message>
</context>
<context>
    <name>Components</name>
    <message>
        <source>Status of %1</source>
        <translation>%1の状態</translation>
    </message>
    <message>
        <source>Remove %1</source>
        <translation>%1を削除</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>削除</translation>
    </message>
    <message>
        <source>Remove %1 from this notice</source>
        <translation>この通知から%1を削除します</translation>
    </message>
    <message>
        <source>Component to add</source>
        <translation>追加するコンポーネント</translation>
    </message>
    <message>
        <source>Add a component</source>
        <translation>コンポーネントを追加</translation>
    </message>
    <message>
        <source>Your organisation&apos;s components are listed here (Settings › Components); type any other name to add it to this notice.</source>
        <translation>組織のコンポーネントがここに表示されます（設定 › コンポーネント）。ほかの名前を入力すると、この通知に追加できます。</translation>
    </message>
    <message>
        <source>Add</source>
        <translation>追加</translation>
    </message>
    <message>
        <source>Add component</source>
        <translation>コンポーネントを追加</translation>
    </message>
    <message>
        <source>Why the component was not added</source>
        <translation>コンポーネントを追加できなかった理由</translation>
    </message>
    <message>
        <source>Set all to operational</source>
        <translation>すべて正常稼働に戻す</translation>
    </message>
    <message>
        <source>Set all components to operational</source>
        <translation>すべてのコンポーネントを正常稼働に戻す</translation>
    </message>
    <message>
        <source>A resolution tells readers that what broke works again.</source>
        <translation>復旧報告では、停止していたものが再び利用できることをお知らせします。</translation>
    </message>
    <message>
        <source>Not added: %1.</source>
        <translation>追加できませんでした：%1。</translation>
    </message>
</context>
<context>
    <name>Editors</name>
    <message>
        <source>ddd d MMM yyyy</source>
        <translation>yyyy年M月d日(ddd)</translation>
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
        <source>Time zone</source>
        <translation>タイムゾーン</translation>
    </message>
    <message>
        <source>At</source>
        <translation>日時指定</translation>
    </message>
    <message>
        <source>Next update at a set time</source>
        <translation>次回の更新を指定の日時に行う</translation>
    </message>
    <message>
        <source>When the situation changes</source>
        <translation>状況に変化があり次第</translation>
    </message>
    <message>
        <source>Next update when the situation changes</source>
        <translation>次回の更新は状況に変化があり次第</translation>
    </message>
</context>
<context>
    <name>Files</name>
    <message>
        <source>Cannot open the incident</source>
        <translation>インシデントを開けません</translation>
    </message>
    <message>
        <source>%1. Save it under a new name to keep your work.</source>
        <translation>%1。作業内容を残すには、別の名前で保存してください。</translation>
    </message>
    <message>
        <source> The lock looks stale: %1.</source>
        <translation>このロックは古くなっているようです：%1。</translation>
    </message>
    <message>
        <source>%1.</source>
        <translation>%1。</translation>
    </message>
    <message>
        <source>The edit lock cannot be created beside the file (%1), so it is open read-only</source>
        <translation>ファイルと同じ場所に編集ロックを作成できないため（%1）、読み取り専用で開いています</translation>
    </message>
    <message>
        <source>Opened read-only</source>
        <translation>読み取り専用で開きました</translation>
    </message>
    <message>
        <source>This file is open read-only. Use Save As to keep your own copy.</source>
        <translation>このファイルは読み取り専用で開いています。ご自身のコピーを残すには「名前を付けて保存」を使ってください。</translation>
    </message>
    <message>
        <source>Not saved</source>
        <translation>保存されていません</translation>
    </message>
    <message>
        <source>%1. Correct this, then save again: nothing was written.</source>
        <translation>%1。修正してから、もう一度保存してください（何も書き込まれていません）。</translation>
    </message>
    <message>
        <source>%1. Nothing was written; save under another name, or ask them to close it first.</source>
        <translation>%1。何も書き込まれていません。別の名前で保存するか、先にファイルを閉じるよう相手に依頼してください。</translation>
    </message>
    <message>
        <source>Cannot save the incident</source>
        <translation>インシデントを保存できません</translation>
    </message>
    <message>
        <source>Cannot save a copy</source>
        <translation>コピーを保存できません</translation>
    </message>
    <message>
        <source>Saved as a copy</source>
        <translation>コピーとして保存しました</translation>
    </message>
    <message>
        <source>Your version was saved as %1, beside the shared file. This window now edits the copy; the shared file keeps the other changes.</source>
        <translation>あなたの版を、共有ファイルと同じ場所に%1として保存しました。このウィンドウでは今後このコピーを編集します。共有ファイルにはもう一方の変更が残ります。</translation>
    </message>
    <message>
        <source>locked (the lock file cannot be read)</source>
        <translation>ロックされています（ロックファイルを読み取れません）</translation>
    </message>
    <message>
        <source>%1 is %2</source>
        <translation>%1は%2</translation>
    </message>
</context>
<context>
    <name>FindBar</name>
    <message>
        <source>Next match</source>
        <translation>次の一致</translation>
    </message>
    <message>
        <source>Previous match</source>
        <translation>前の一致</translation>
    </message>
    <message>
        <source>Close the find bar</source>
        <translation>検索バーを閉じる</translation>
    </message>
    <message>
        <source>Find in the notice</source>
        <translation>通知内を検索</translation>
    </message>
    <message>
        <source>Find</source>
        <translation>検索</translation>
    </message>
    <message>
        <source>Text to find</source>
        <translation>検索するテキスト</translation>
    </message>
    <message>
        <source>Text in any field of this notice</source>
        <translation>この通知のすべての項目から検索</translation>
    </message>
    <message>
        <source>Next</source>
        <translation>次へ</translation>
    </message>
    <message>
        <source>Previous</source>
        <translation>前へ</translation>
    </message>
    <message>
        <source>Find result</source>
        <translation>検索結果</translation>
    </message>
    <message>
        <source>No matches</source>
        <translation>一致なし</translation>
    </message>
    <message>
        <source>%1 of %2</source>
        <translation>%1 / %2件</translation>
    </message>
</context>
<context>
    <name>FindingCard</name>
    <message>
        <source>nothing</source>
        <translation>空欄</translation>
    </message>
    <message>
        <source>one space</source>
        <translation>半角スペース1個</translation>
    </message>
    <message>
        <source>Restore</source>
        <translation>元に戻す</translation>
    </message>
    <message>
        <source>Show this finding again</source>
        <translation>この指摘を再び表示します</translation>
    </message>
    <message>
        <source>Restore this finding</source>
        <translation>この指摘を元に戻す</translation>
    </message>
    <message>
        <source>%1 in %2: %3</source>
        <translation>%2の%1：%3</translation>
    </message>
    <message>
        <source>Try: %1</source>
        <translation>修正候補：%1</translation>
    </message>
    <message>
        <source>Also %1: “%2”: %3</source>
        <translation>%1の指摘もあります：「%2」：%3</translation>
    </message>
    <message>
        <source>Use “%1”</source>
        <translation>「%1」に置換</translation>
    </message>
    <message>
        <source>Replace “%1” with “%2” (undo with Ctrl+Z)</source>
        <translation>「%1」を「%2」に置き換えます（Ctrl+Zで元に戻せます）</translation>
    </message>
    <message>
        <source>Replace with %1</source>
        <translation>%1に置換</translation>
    </message>
    <message>
        <source>Ignore</source>
        <translation>無視</translation>
    </message>
    <message>
        <source>Dismiss this rule on these words in this field, wherever they appear in this notice (kept in the file; listed under Ignored)</source>
        <translation>この項目のこの語句について、通知内のどこに現れてもこのルールを適用しません（ファイルに記録され、「無視した指摘」に表示されます）</translation>
    </message>
    <message>
        <source>Ignore this finding</source>
        <translation>この指摘を無視</translation>
    </message>
    <message>
        <source>Click to select it in the form</source>
        <translation>クリックするとフォーム内の該当箇所を選択します</translation>
    </message>
</context>
<context>
    <name>Findings</name>
    <message>
        <source>%1 structure</source>
        <translation>構成 %1</translation>
    </message>
    <message>
        <source>%1 tone</source>
        <translation>表現 %1</translation>
    </message>
    <message>
        <source>%1 grammar</source>
        <translation>文法 %1</translation>
    </message>
    <message>
        <source>%1 spelling</source>
        <translation>スペル %1</translation>
    </message>
    <message>
        <source>Findings</source>
        <translation>指摘</translation>
    </message>
    <message>
        <source>Ignored (0)</source>
        <translation>無視した指摘 (0)</translation>
    </message>
    <message>
        <source>Ignored findings</source>
        <translation>無視した指摘</translation>
    </message>
    <message>
        <source>List the findings ignored on this notice, to restore them</source>
        <translation>この通知で無視した指摘を一覧表示し、元に戻せるようにします</translation>
    </message>
    <message>
        <source>Compact</source>
        <translation>コンパクト</translation>
    </message>
    <message>
        <source>Compact list</source>
        <translation>コンパクト表示</translation>
    </message>
    <message>
        <source>One line per finding, to see many at once</source>
        <translation>指摘を1行ずつ表示し、一度に多くを確認できます</translation>
    </message>
    <message>
        <source>Ignored (%1)</source>
        <translation>無視した指摘 (%1)</translation>
    </message>
    <message>
        <source>%n ignored on this notice: Restore shows one again</source>
        <translation>この通知で無視した指摘：%n件（「元に戻す」で再表示されます）</translation>
    </message>
    <message>
        <source>No findings: nothing in the tone or structure to look at.</source>
        <translation>指摘はありません。表現や構成に確認が必要な点は見つかりませんでした。</translation>
    </message>
    <message>
        <source>1 finding to look at</source>
        <translation>確認が必要な指摘：1件</translation>
    </message>
    <message>
        <source>%n findings to look at</source>
        <translation>確認が必要な指摘：%n件</translation>
    </message>
</context>
<context>
    <name>Form</name>
    <message>
        <source>None</source>
        <translation>なし</translation>
    </message>
    <message>
        <source>Minor</source>
        <translation>軽微</translation>
    </message>
    <message>
        <source>Major</source>
        <translation>重大</translation>
    </message>
    <message>
        <source>Critical</source>
        <translation>致命的</translation>
    </message>
    <message>
        <source>Possible</source>
        <translation>可能性あり</translation>
    </message>
    <message>
        <source>Confirmed</source>
        <translation>確認済み</translation>
    </message>
    <message>
        <source>Not known yet</source>
        <translation>まだ不明</translation>
    </message>
    <message>
        <source>Started</source>
        <translation>発生</translation>
    </message>
    <message>
        <source>Detected</source>
        <translation>検知</translation>
    </message>
    <message>
        <source>Mitigated</source>
        <translation>影響緩和</translation>
    </message>
    <message>
        <source>Resolved</source>
        <translation>復旧</translation>
    </message>
    <message>
        <source>e.g. Card payments failing</source>
        <translation>例：カード決済がご利用いただけない</translation>
    </message>
    <message>
        <source>e.g. Checkout</source>
        <translation>例：決済ページ</translation>
    </message>
    <message>
        <source>What is broken, who is affected, what they should do, and when they hear from us next.</source>
        <translation>何が利用できないのか、誰に影響があるのか、お客様に何をしていただきたいのか、次回のご連絡はいつか。</translation>
    </message>
    <message>
        <source>What does not work right now.</source>
        <translation>現在ご利用いただけない機能。</translation>
    </message>
    <message>
        <source>What will follow: delayed jobs, reports, invoices.</source>
        <translation>今後生じる影響：処理・レポート・請求書の遅延など。</translation>
    </message>
    <message>
        <source>What data, and what happens to it.</source>
        <translation>どのデータが対象で、どうなるのか。</translation>
    </message>
    <message>
        <source>What people can do in the meantime.</source>
        <translation>復旧までの間にお客様ができること。</translation>
    </message>
    <message>
        <source>A named person inside the incident</source>
        <translation>対応にあたる担当者の氏名</translation>
    </message>
    <message>
        <source>Details for technical readers: timings, components, error codes.</source>
        <translation>技術者向けの詳細：時刻、コンポーネント、エラーコードなど。</translation>
    </message>
    <message>
        <source>Paste a list: one per line, or separated by commas or semicolons</source>
        <translation>一覧を貼り付けてください（1行に1件、またはカンマかセミコロン区切り）</translation>
    </message>
    <message>
        <source>Never shown to recipients</source>
        <translation>宛先には表示されません</translation>
    </message>
    <message>
        <source>Chat destinations, comma-separated</source>
        <translation>チャットの投稿先（カンマ区切り）</translation>
    </message>
    <message>
        <source>Leave empty to use the generated subject</source>
        <translation>空欄の場合は自動作成の件名を使います</translation>
    </message>
    <message>
        <source>Show or hide %1</source>
        <translation>%1の表示／非表示</translation>
    </message>
    <message>
        <source>Not said</source>
        <translation>未指定</translation>
    </message>
    <message>
        <source>Reviewer comments on %1</source>
        <translation>%1へのレビュー担当者のコメント</translation>
    </message>
    <message>
        <source>%1: problem</source>
        <translation>%1：問題</translation>
    </message>
    <message>
        <source>What is affected</source>
        <translation>影響を受けるもの</translation>
    </message>
    <message>
        <source>Components and impact</source>
        <translation>コンポーネントと影響</translation>
    </message>
    <message>
        <source>Affected components</source>
        <translation>影響を受けるコンポーネント</translation>
    </message>
    <message>
        <source>Overall impact</source>
        <translation>全体の影響度</translation>
    </message>
    <message>
        <source>Summary</source>
        <translation>概要</translation>
    </message>
    <message>
        <source>Consequences</source>
        <translation>影響</translation>
    </message>
    <message>
        <source>Data</source>
        <translation>データ</translation>
    </message>
    <message>
        <source>Is any data lost?</source>
        <translation>データの損失はありますか？</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>詳細</translation>
    </message>
    <message>
        <source>Workaround</source>
        <translation>回避策</translation>
    </message>
    <message>
        <source>Contact</source>
        <translation>連絡先</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>氏名</translation>
    </message>
    <message>
        <source>Email</source>
        <translation>メール</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>電話番号</translation>
    </message>
    <message>
        <source>Next update</source>
        <translation>次回の更新</translation>
    </message>
    <message>
        <source>Timings</source>
        <translation>経過時刻</translation>
    </message>
    <message>
        <source>%1 time</source>
        <translation>%1時刻</translation>
    </message>
    <message>
        <source>Technical appendix</source>
        <translation>技術的な補足</translation>
    </message>
    <message>
        <source>To</source>
        <translation>宛先</translation>
    </message>
    <message>
        <source>Cc</source>
        <translation>Cc</translation>
    </message>
    <message>
        <source>Bcc</source>
        <translation>Bcc</translation>
    </message>
    <message>
        <source>Chat posts</source>
        <translation>チャット投稿</translation>
    </message>
    <message>
        <source>Subject (optional)</source>
        <translation>件名（任意）</translation>
    </message>
    <message>
        <source>Change requested — %1</source>
        <translation>修正依頼 — %1</translation>
    </message>
    <message>
        <source>%n characters</source>
        <translation>%n文字</translation>
    </message>
    <message>
        <source> — past ~%1 characters a summary is no longer read in a hurry; move detail to Consequences or the appendix.</source>
        <translation> — 約%1文字を超える概要は、急いで読む人には読まれません。詳細は「影響」または技術的な詳細に移してください。</translation>
    </message>
    <message>
        <source>1 word</source>
        <translation>1語</translation>
    </message>
    <message>
        <source>%n words</source>
        <translation>%n語</translation>
    </message>
    <message>
        <source> — past ~%1 words a summary is no longer read in a hurry; move detail to Consequences or the appendix.</source>
        <translation> — 約%1語を超えると、概要は急いでいる読み手に読まれなくなります。詳細は「影響」または補足へ移してください。</translation>
    </message>
    <message>
        <source>Not shown</source>
        <translation>表示しない</translation>
    </message>
    <message>
        <source>Shown in the email</source>
        <translation>メールに表示する</translation>
    </message>
    <message>
        <source>How the service was restored.</source>
        <translation>サービスをどのように復旧したか。</translation>
    </message>
    <message>
        <source>Work still to do, and what users may still notice.</source>
        <translation>残っている作業と、お客様にまだ影響が出る可能性のあること。</translation>
    </message>
    <message>
        <source>What caused it, in plain words.</source>
        <translation>原因を、わかりやすい言葉で。</translation>
    </message>
    <message>
        <source>One event per line: the time, then what happened.
09:40 Card payments start failing</source>
        <translation>1行に1つの出来事：時刻、続けて何が起きたか。
09:40 カード決済が失敗し始める</translation>
    </message>
    <message>
        <source>One action per line: what | owner | target date
Alarm on connection pool use | Platform team | 15 December</source>
        <translation>1行に1つの対策：内容 | 担当 | 期日
接続プール使用率の監視アラート | 基盤チーム | 12月15日</translation>
    </message>
    <message>
        <source>What users cannot use during the window.</source>
        <translation>メンテナンス中にご利用いただけないもの。</translation>
    </message>
    <message>
        <source>What users must do before the window starts.</source>
        <translation>メンテナンス開始前にお客様に行っていただくこと。</translation>
    </message>
    <message>
        <source>What did not work, for whom, and for how long.</source>
        <translation>何が、誰にとって、どのくらいの時間利用できなかったか。</translation>
    </message>
    <message>
        <source>What to do if something still does not work.</source>
        <translation>まだ正常に動作しない場合の対処方法。</translation>
    </message>
    <message>
        <source>What changes for users after the maintenance, if anything.</source>
        <translation>メンテナンス後にお客様にとって変わること（ある場合）。</translation>
    </message>
    <message>
        <source>Maintenance window</source>
        <translation>メンテナンス時間帯</translation>
    </message>
    <message>
        <source>Unchanged since notice %1 was sent</source>
        <translation>通知%1の送信以降、変更なし</translation>
    </message>
    <message>
        <source>%1: unchanged since notice %2 was sent</source>
        <translation>%1：通知%2の送信以降、変更なし</translation>
    </message>
</context>
<context>
    <name>GrammarStart</name>
    <message>
        <source>LanguageTool is starting</source>
        <translation>LanguageToolを起動しています</translation>
    </message>
    <message>
        <source>Starting LanguageTool for grammar and spelling…</source>
        <translation>文法・スペルチェック用にLanguageToolを起動しています…</translation>
    </message>
    <message>
        <source>LanguageTool did not start.</source>
        <translation>LanguageToolを起動できませんでした。</translation>
    </message>
    <message>
        <source>Grammar and spelling checks are on (%1, ready in %2 s).</source>
        <translation>文法・スペルチェックが有効になりました（%1、起動まで%2秒）。</translation>
    </message>
</context>
<context>
    <name>Help</name>
    <message>
        <source>looking…</source>
        <translation>確認中…</translation>
    </message>
    <message>
        <source>Writing a good notice</source>
        <translation>良い通知の書き方</translation>
    </message>
    <message>
        <source>guide.html</source>
        <translation>guide_ja.html</translation>
    </message>
    <message>
        <source>Find bar</source>
        <translation>検索バー</translation>
    </message>
    <message>
        <source>In the fields, your platform&apos;s usual text-editing keys work as well.</source>
        <translation>各項目では、お使いの環境で通常使えるテキスト編集のキーも利用できます。</translation>
    </message>
    <message>
        <source>Keyboard shortcuts</source>
        <translation>キーボードショートカット</translation>
    </message>
    <message>
        <source>About OutageWriter</source>
        <translation>OutageWriterについて</translation>
    </message>
    <message>
        <source>Write calm, truthful outage notices, have them reviewed,&lt;br&gt;and send them from your own mailbox.</source>
        <translation>落ち着いた正確な障害通知を書き、レビューを受け、&lt;br&gt;ご自身のメールボックスから送信できます。</translation>
    </message>
    <message>
        <source>%1 version</source>
        <translation>%1のバージョン</translation>
    </message>
    <message>
        <source>Copy versions</source>
        <translation>バージョン情報をコピー</translation>
    </message>
    <message>
        <source>unknown (%1)</source>
        <translation>不明（%1）</translation>
    </message>
</context>
<context>
    <name>Highlight</name>
    <message>
        <source>Structure</source>
        <translation>構成</translation>
    </message>
    <message>
        <source>Blame</source>
        <translation>責任転嫁</translation>
    </message>
    <message>
        <source>Guilt</source>
        <translation>過度な謝罪</translation>
    </message>
    <message>
        <source>Promise</source>
        <translation>過剰な約束</translation>
    </message>
    <message>
        <source>Speculation</source>
        <translation>憶測</translation>
    </message>
    <message>
        <source>Jargon</source>
        <translation>専門用語</translation>
    </message>
    <message>
        <source>Grammar</source>
        <translation>文法</translation>
    </message>
    <message>
        <source>Spelling</source>
        <translation>スペル</translation>
    </message>
    <message>
        <source>Try:</source>
        <translation>修正候補：</translation>
    </message>
</context>
<context>
    <name>LiveUpdate</name>
    <message>
        <source>The preview could not be rendered: %1</source>
        <translation>プレビューを表示できませんでした：%1</translation>
    </message>
    <message>
        <source>Checks failed: %1</source>
        <translation>チェックに失敗しました：%1</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Recovery copy up to date</source>
        <translation>復元用コピーは最新です</translation>
    </message>
    <message>
        <source>Tone and structure are checked as you type; grammar checks are off.</source>
        <translation>表現と構成は入力中にチェックされます。文法チェックはオフです。</translation>
    </message>
    <message>
        <source>Dismiss</source>
        <translation>閉じる</translation>
    </message>
    <message>
        <source>Some settings could not be used, so safe defaults apply: %1</source>
        <translation>一部の設定を使用できないため、安全な既定値を適用しています：%1</translation>
    </message>
    <message>
        <source>Reload</source>
        <translation>再読み込み</translation>
    </message>
    <message>
        <source>Keep mine</source>
        <translation>自分の変更を残す</translation>
    </message>
    <message>
        <source>Findings</source>
        <translation>指摘</translation>
    </message>
    <message>
        <source>Review</source>
        <translation>レビュー</translation>
    </message>
    <message>
        <source>someone else is editing this file</source>
        <translation>他の人がこのファイルを編集しています</translation>
    </message>
    <message>
        <source>Opened read-only: %1. Use Save As to keep your own copy.</source>
        <translation>読み取り専用で開きました：%1。ご自身のコピーを残すには「名前を付けて保存」を使ってください。</translation>
    </message>
    <message>
        <source>This notice was sent and is shown as sent. It can no longer be changed.</source>
        <translation>この通知は送信済みのため、送信時の内容で表示しています。変更することはできません。</translation>
    </message>
    <message>
        <source>Correct this notice first</source>
        <translation>先にこの通知を修正してください</translation>
    </message>
    <message>
        <source>%1. Correct it, then open the other notice.</source>
        <translation>%1。修正してから、ほかの通知を開いてください。</translation>
    </message>
    <message>
        <source>The text changed since this finding; look again.</source>
        <translation>この指摘の後に文面が変更されました。もう一度ご確認ください。</translation>
    </message>
    <message>
        <source>Cannot create the incident</source>
        <translation>インシデントを作成できません</translation>
    </message>
    <message>
        <source>Cannot open the example</source>
        <translation>サンプルを開けません</translation>
    </message>
    <message>
        <source>No recent files</source>
        <translation>最近使ったファイルはありません</translation>
    </message>
    <message>
        <source>%1 was changed outside this window since you opened it. Reload to see those changes, or keep yours (saving will ask before overwriting).</source>
        <translation>%1は、開いた後にこのウィンドウの外で変更されました。再読み込みしてその変更を表示するか、ご自身の変更を残してください（保存時に上書きするか確認します）。</translation>
    </message>
    <message>
        <source>%1. Someone else may be editing this file now; saving will ask before overwriting.</source>
        <translation>%1。現在ほかの人がこのファイルを編集している可能性があります。保存時に上書きするか確認します。</translation>
    </message>
    <message>
        <source>Cannot reload the incident</source>
        <translation>インシデントを再読み込みできません</translation>
    </message>
    <message>
        <source>Cannot add a notice</source>
        <translation>通知を追加できません</translation>
    </message>
    <message>
        <source>Notice %1 of “%2”</source>
        <translation>「%2」の通知%1</translation>
    </message>
    <message>
        <source>Sending in progress</source>
        <translation>送信中です</translation>
    </message>
    <message>
        <source>The notice is being sent. Wait for it to finish, or press Cancel in the progress window: it stops after the current batch.</source>
        <translation>通知を送信しています。完了までお待ちいただくか、進行状況ウィンドウで「キャンセル」を押してください（送信中の分が終わった時点で停止します）。</translation>
    </message>
</context>
<context>
    <name>NoticeList</name>
    <message>
        <source>First notice</source>
        <translation>第一報</translation>
    </message>
    <message>
        <source>Update</source>
        <translation>続報</translation>
    </message>
    <message>
        <source>Resolution</source>
        <translation>復旧報告</translation>
    </message>
    <message>
        <source>Post-incident</source>
        <translation>事後報告</translation>
    </message>
    <message>
        <source>Maintenance</source>
        <translation>メンテナンス</translation>
    </message>
    <message>
        <source>Partly sent</source>
        <translation>一部送信済み</translation>
    </message>
    <message>
        <source>Sent</source>
        <translation>送信済み</translation>
    </message>
    <message>
        <source>Partly sent %1</source>
        <translation>一部送信済み %1</translation>
    </message>
    <message>
        <source>Sent %1</source>
        <translation>送信済み %1</translation>
    </message>
    <message>
        <source>Notices</source>
        <translation>通知</translation>
    </message>
    <message>
        <source>Notices of this incident</source>
        <translation>このインシデントの通知</translation>
    </message>
    <message>
        <source>Update %1</source>
        <translation>続報 %1</translation>
    </message>
    <message>
        <source>Sent notices are shown read-only</source>
        <translation>送信済みの通知は読み取り専用で表示されます</translation>
    </message>
    <message>
        <source>Being drafted</source>
        <translation>下書き中</translation>
    </message>
</context>
<context>
    <name>Preview</name>
    <message>
        <source>Subject</source>
        <translation>件名</translation>
    </message>
    <message>
        <source>Subject as recipients see it</source>
        <translation>宛先に表示される件名</translation>
    </message>
    <message>
        <source>HTML email preview</source>
        <translation>HTMLメールのプレビュー</translation>
    </message>
    <message>
        <source>Plain text email preview</source>
        <translation>テキストメールのプレビュー</translation>
    </message>
    <message>
        <source>Short post preview</source>
        <translation>短文投稿のプレビュー</translation>
    </message>
    <message>
        <source>Chat post (to the chat destinations its audiences follow)</source>
        <translation>チャット投稿（配信先グループが登録しているチャットの投稿先へ）</translation>
    </message>
    <message>
        <source>Chat post preview</source>
        <translation>チャット投稿のプレビュー</translation>
    </message>
    <message>
        <source>Email</source>
        <translation>メール</translation>
    </message>
    <message>
        <source>Plain text</source>
        <translation>テキスト</translation>
    </message>
    <message>
        <source>Short post</source>
        <translation>短文投稿</translation>
    </message>
    <message>
        <source>%1 of %2 characters</source>
        <translation>%1 / %2文字</translation>
    </message>
</context>
<context>
    <name>Recovery</name>
    <message>
        <source>Recover unsaved work</source>
        <translation>保存されていない作業の復元</translation>
    </message>
    <message>
        <source>never saved</source>
        <translation>未保存</translation>
    </message>
    <message>
        <source>OutageWriter stopped before these incidents were saved. Restore the ones you want to keep working on.</source>
        <translation>以下のインシデントは、保存される前にOutageWriterが終了しました。作業を続けるものを復元してください。</translation>
    </message>
    <message>
        <source>%1
%2 · autosaved %3</source>
        <translation>%1
%2 · 自動保存 %3</translation>
    </message>
    <message>
        <source>Restore selected</source>
        <translation>選択したものを復元</translation>
    </message>
    <message>
        <source>Discard all</source>
        <translation>すべて破棄</translation>
    </message>
    <message>
        <source>Decide later</source>
        <translation>後で決める</translation>
    </message>
</context>
<context>
    <name>Reminders</name>
    <message>
        <source>Update reminder</source>
        <translation>続報のリマインダー</translation>
    </message>
    <message>
        <source>Start update</source>
        <translation>続報を作成</translation>
    </message>
    <message>
        <source>Start the promised update</source>
        <translation>お約束した続報を作成します</translation>
    </message>
    <message>
        <source>Dismiss</source>
        <translation>閉じる</translation>
    </message>
    <message>
        <source>Dismiss the reminder</source>
        <translation>リマインダーを閉じる</translation>
    </message>
    <message>
        <source>Open it</source>
        <translation>開く</translation>
    </message>
    <message>
        <source>Show the draft</source>
        <translation>下書きを表示</translation>
    </message>
    <message>
        <source>OutageWriter: 1 promised update due</source>
        <translation>OutageWriter：お約束した続報の期限が1件あります</translation>
    </message>
    <message>
        <source>OutageWriter: %n promised updates due</source>
        <translation>OutageWriter：お約束した続報の期限が%n件あります</translation>
    </message>
    <message>
        <source>Update due</source>
        <translation>続報の期限が近づいています</translation>
    </message>
    <message>
        <source>Update overdue</source>
        <translation>続報の期限を過ぎています</translation>
    </message>
</context>
<context>
    <name>ReviewPanel</name>
    <message>
        <source>Subject</source>
        <translation>件名</translation>
    </message>
    <message>
        <source>To</source>
        <translation>宛先</translation>
    </message>
    <message>
        <source>Text</source>
        <translation>本文</translation>
    </message>
    <message>
        <source>changed as well</source>
        <translation>こちらも変更されています</translation>
    </message>
    <message>
        <source>Review state</source>
        <translation>レビューの状態</translation>
    </message>
    <message>
        <source>About the approval</source>
        <translation>承認について</translation>
    </message>
    <message>
        <source>Request review…</source>
        <translation>レビューを依頼…</translation>
    </message>
    <message>
        <source>By email…</source>
        <translation>メールで…</translation>
    </message>
    <message>
        <source>Approve…</source>
        <translation>承認…</translation>
    </message>
    <message>
        <source>Request changes…</source>
        <translation>修正を依頼…</translation>
    </message>
    <message>
        <source>Changed after approval</source>
        <translation>承認後の変更</translation>
    </message>
    <message>
        <source>Changes after approval, word by word</source>
        <translation>承認後の変更（語句単位）</translation>
    </message>
    <message>
        <source>Open change requests</source>
        <translation>未対応の修正依頼</translation>
    </message>
    <message>
        <source>Changes since the previous notice</source>
        <translation>前回の通知からの変更</translation>
    </message>
    <message>
        <source>History</source>
        <translation>履歴</translation>
    </message>
    <message>
        <source>Review history</source>
        <translation>レビューの履歴</translation>
    </message>
    <message>
        <source>Approved by %1 (%2); %3. A reviewer must approve the notice as it is now before it can be sent.</source>
        <translation>%1が承認しました（%2）が、%3。送信する前に、現在の内容でレビュー担当者の承認を受けてください。</translation>
    </message>
    <message>
        <source>Any change to the text or the recipients voids this approval.</source>
        <translation>文面または宛先を変更すると、この承認は無効になります。</translation>
    </message>
    <message>
        <source>A reviewer must approve the exact text before it can be sent.</source>
        <translation>送信する前に、この文面のままレビュー担当者の承認を受けてください。</translation>
    </message>
    <message>
        <source>Your settings do not require an approval before sending.</source>
        <translation>現在の設定では、送信前の承認は必要ありません。</translation>
    </message>
    <message>
        <source>1 finding from the checks right now.</source>
        <translation>現在、チェックによる指摘が1件あります。</translation>
    </message>
    <message>
        <source>%n findings from the checks right now.</source>
        <translation>現在、チェックによる指摘が%n件あります。</translation>
    </message>
    <message>
        <source>The checks find nothing to point out right now.</source>
        <translation>現在、チェックによる指摘はありません。</translation>
    </message>
    <message>
        <source>This is the first notice.</source>
        <translation>これは最初の通知です。</translation>
    </message>
    <message>
        <source>No change in the subject or the text.</source>
        <translation>件名と本文に変更はありません。</translation>
    </message>
    <message>
        <source>Nothing yet: request a review when the notice is ready.</source>
        <translation>まだ記録はありません。通知の準備ができたらレビューを依頼してください。</translation>
    </message>
    <message>
        <source>Approved by %1</source>
        <translation>承認者：%1</translation>
    </message>
</context>
<context>
    <name>Settings</name>
    <message>
        <source>Language of the window</source>
        <translation>ウィンドウの表示言語</translation>
    </message>
    <message>
        <source>System</source>
        <translation>システムに合わせる</translation>
    </message>
    <message>
        <source>Language / 言語:</source>
        <translation>Language / 言語：</translation>
    </message>
    <message>
        <source>A new language applies when OutageWriter starts again.</source>
        <translation>言語の変更は、OutageWriterを次回起動したときに反映されます。</translation>
    </message>
</context>
<context>
    <name>Timeline</name>
    <message>
        <source>When</source>
        <translation>日時</translation>
    </message>
    <message>
        <source>What</source>
        <translation>内容</translation>
    </message>
    <message>
        <source>Incident timeline</source>
        <translation>インシデントのタイムライン</translation>
    </message>
    <message>
        <source>Timeline entries</source>
        <translation>タイムラインの項目</translation>
    </message>
    <message>
        <source>Export…</source>
        <translation>エクスポート…</translation>
    </message>
    <message>
        <source>Export the incident</source>
        <translation>インシデントをエクスポート</translation>
    </message>
    <message>
        <source>Write the whole incident as Markdown or HTML for the records</source>
        <translation>記録用に、インシデント全体をMarkdownまたはHTMLで書き出します</translation>
    </message>
    <message>
        <source>Untitled incident</source>
        <translation>無題のインシデント</translation>
    </message>
    <message>
        <source>&lt;b&gt;%1&lt;/b&gt; · times in %2 and UTC</source>
        <translation>&lt;b&gt;%1&lt;/b&gt; · 時刻は%2とUTCで表示</translation>
    </message>
    <message>
        <source>UTC (no time zone given yet)</source>
        <translation>UTC（タイムゾーン未指定）</translation>
    </message>
    <message>
        <source>When (%1)</source>
        <translation>日時（%1）</translation>
    </message>
    <message>
        <source>Export failed</source>
        <translation>エクスポートに失敗しました</translation>
    </message>
    <message>
        <source>Exported to %1</source>
        <translation>%1にエクスポートしました</translation>
    </message>
</context>
<context>
    <name>Welcome</name>
    <message>
        <source>Open the example incident</source>
        <translation>サンプルのインシデントを開く</translation>
    </message>
    <message>
        <source>A card-payments outage with a well-written first notice. You get your own copy to change.</source>
        <translation>カード決済障害の、よく書けた第一報の例です。自由に編集できるコピーが作成されます。</translation>
    </message>
    <message>
        <source>Create a new incident</source>
        <translation>新しいインシデントを作成</translation>
    </message>
    <message>
        <source>An outage or a planned maintenance: name it and the service, then fill in the form.</source>
        <translation>障害または計画メンテナンスについて、件名と対象サービスを入力してからフォームに記入します。</translation>
    </message>
    <message>
        <source>Open an incident file…</source>
        <translation>インシデントファイルを開く…</translation>
    </message>
    <message>
        <source>A .outage file you saved before or a colleague shared with you.</source>
        <translation>以前に保存した、または同僚から共有された.outageファイル。</translation>
    </message>
    <message>
        <source>Set up a mail account</source>
        <translation>メールアカウントを設定</translation>
    </message>
    <message>
        <source>The account your notices are sent from. Its password stays in your system&apos;s keyring.</source>
        <translation>通知の送信に使うアカウントです。パスワードはシステムのキーリングに保管されます。</translation>
    </message>
    <message>
        <source>Welcome</source>
        <translation>ようこそ</translation>
    </message>
    <message>
        <source>Welcome to OutageWriter</source>
        <translation>OutageWriterへようこそ</translation>
    </message>
    <message>
        <source>Tell your customers what is going on: quickly, calmly and truthfully.&lt;br&gt;Where would you like to start?</source>
        <translation>お客様に状況を、迅速に、落ち着いて、正確にお伝えしましょう。&lt;br&gt;どこから始めますか？</translation>
    </message>
    <message>
        <source>&lt;a href=&quot;guide&quot;&gt;New to outage notices? Read &lt;i&gt;Writing a good notice&lt;/i&gt;&lt;/a&gt; (Help menu, F1).</source>
        <translation>&lt;a href=&quot;guide&quot;&gt;障害通知を初めて書く方は&lt;i&gt;「良い通知の書き方」&lt;/i&gt;をお読みください&lt;/a&gt;（ヘルプメニュー、F1）。</translation>
    </message>
</context>
<context>
    <name>Words</name>
    <message>
        <source>Investigating</source>
        <translation>調査中</translation>
    </message>
    <message>
        <source>Identified</source>
        <translation>原因特定済み</translation>
    </message>
    <message>
        <source>Monitoring</source>
        <translation>経過観察中</translation>
    </message>
    <message>
        <source>Resolved</source>
        <translation>復旧済み</translation>
    </message>
    <message>
        <source>Scheduled</source>
        <translation>予定</translation>
    </message>
    <message>
        <source>Reminder</source>
        <translation>事前のご案内</translation>
    </message>
    <message>
        <source>In progress</source>
        <translation>実施中</translation>
    </message>
    <message>
        <source>Extended</source>
        <translation>延長</translation>
    </message>
    <message>
        <source>Completed</source>
        <translation>完了</translation>
    </message>
    <message>
        <source>Draft</source>
        <translation>下書き</translation>
    </message>
    <message>
        <source>In review</source>
        <translation>レビュー中</translation>
    </message>
    <message>
        <source>Changes requested</source>
        <translation>修正依頼あり</translation>
    </message>
    <message>
        <source>Approved</source>
        <translation>承認済み</translation>
    </message>
    <message>
        <source>Approval void</source>
        <translation>承認無効</translation>
    </message>
    <message>
        <source>Sent</source>
        <translation>送信済み</translation>
    </message>
</context>
</TS>
