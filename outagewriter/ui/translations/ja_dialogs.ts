<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ja_JP">
<context>
    <name>AccountsDialog</name>
    <message>
        <source>STARTTLS (encrypted, usually port 587)</source>
        <translation>STARTTLS（暗号化、通常はポート587）</translation>
    </message>
    <message>
        <source>Implicit TLS (encrypted, usually port 465)</source>
        <translation>暗黙的TLS（暗号化、通常はポート465）</translation>
    </message>
    <message>
        <source>None — not encrypted</source>
        <translation>なし（暗号化しない）</translation>
    </message>
    <message>
        <source>Mail accounts</source>
        <translation>メールアカウント</translation>
    </message>
    <message>
        <source>&amp;Add</source>
        <translation>追加(&amp;A)</translation>
    </message>
    <message>
        <source>Add an account</source>
        <translation>アカウントを追加</translation>
    </message>
    <message>
        <source>&amp;Remove</source>
        <translation>削除(&amp;R)</translation>
    </message>
    <message>
        <source>Remove the account</source>
        <translation>アカウントを削除</translation>
    </message>
    <message>
        <source>Provider preset</source>
        <translation>プロバイダーのプリセット</translation>
    </message>
    <message>
        <source>Choose a provider to fill in the server…</source>
        <translation>プロバイダーを選ぶとサーバー設定が入力されます…</translation>
    </message>
    <message>
        <source>Provider note</source>
        <translation>プロバイダーに関する注意</translation>
    </message>
    <message>
        <source>Account name</source>
        <translation>アカウント名</translation>
    </message>
    <message>
        <source>e.g. work</source>
        <translation>例: 会社</translation>
    </message>
    <message>
        <source>Sender name</source>
        <translation>差出人名</translation>
    </message>
    <message>
        <source>e.g. Acme Operations</source>
        <translation>例: Acme運用チーム</translation>
    </message>
    <message>
        <source>Sender address</source>
        <translation>差出人アドレス</translation>
    </message>
    <message>
        <source>Reply-to address</source>
        <translation>返信先アドレス</translation>
    </message>
    <message>
        <source>Optional</source>
        <translation>任意</translation>
    </message>
    <message>
        <source>Server host</source>
        <translation>サーバーのホスト名</translation>
    </message>
    <message>
        <source>Server port</source>
        <translation>サーバーのポート</translation>
    </message>
    <message>
        <source>Port</source>
        <translation>ポート</translation>
    </message>
    <message>
        <source>Connection security</source>
        <translation>接続の保護</translation>
    </message>
    <message>
        <source>Allow sending the password unencrypted</source>
        <translation>パスワードを暗号化せずに送信することを許可</translation>
    </message>
    <message>
        <source>Only for a relay on a network you trust: anyone on the way can read it.</source>
        <translation>信頼できるネットワーク内の中継サーバーに限って使用してください。経路上の誰でもパスワードを読み取れます。</translation>
    </message>
    <message>
        <source>User name</source>
        <translation>ユーザー名</translation>
    </message>
    <message>
        <source>Usually the full address; empty if the server needs no sign-in</source>
        <translation>通常はメールアドレス全体（サインイン不要なら空欄）</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>パスワード</translation>
    </message>
    <message>
        <source>About the password</source>
        <translation>パスワードについて</translation>
    </message>
    <message>
        <source>Trusted certificate file</source>
        <translation>信頼する証明書ファイル</translation>
    </message>
    <message>
        <source>Optional: PEM file of a self-hosted relay</source>
        <translation>任意: 自社運用の中継サーバーのPEMファイル</translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation>参照…</translation>
    </message>
    <message>
        <source>Choose a certificate file</source>
        <translation>証明書ファイルを選択</translation>
    </message>
    <message>
        <source>Recipients per batch</source>
        <translation>1回に送る宛先の数</translation>
    </message>
    <message>
        <source>&amp;Provider</source>
        <translation>プロバイダー(&amp;P)</translation>
    </message>
    <message>
        <source>Account &amp;name</source>
        <translation>アカウント名(&amp;N)</translation>
    </message>
    <message>
        <source>Sender na&amp;me</source>
        <translation>差出人名(&amp;M)</translation>
    </message>
    <message>
        <source>Sender &amp;address</source>
        <translation>差出人アドレス(&amp;A)</translation>
    </message>
    <message>
        <source>Re&amp;ply-to</source>
        <translation>返信先(&amp;P)</translation>
    </message>
    <message>
        <source>Ser&amp;ver</source>
        <translation>サーバー(&amp;V)</translation>
    </message>
    <message>
        <source>&amp;Security</source>
        <translation>接続の保護(&amp;S)</translation>
    </message>
    <message>
        <source>&amp;User name</source>
        <translation>ユーザー名(&amp;U)</translation>
    </message>
    <message>
        <source>Pass&amp;word</source>
        <translation>パスワード(&amp;W)</translation>
    </message>
    <message>
        <source>&amp;Trusted certificate</source>
        <translation>信頼する証明書(&amp;T)</translation>
    </message>
    <message>
        <source>&amp;Batch size</source>
        <translation>1回の宛先数(&amp;B)</translation>
    </message>
    <message>
        <source>Problem with the account</source>
        <translation>アカウントの問題</translation>
    </message>
    <message>
        <source>&amp;Test connection</source>
        <translation>接続テスト(&amp;T)</translation>
    </message>
    <message>
        <source>Test connection</source>
        <translation>接続テスト</translation>
    </message>
    <message>
        <source>Connection test result</source>
        <translation>接続テストの結果</translation>
    </message>
    <message>
        <source>Sa&amp;ve account</source>
        <translation>アカウントを保存(&amp;V)</translation>
    </message>
    <message>
        <source>Save the account</source>
        <translation>アカウントを保存</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>閉じる</translation>
    </message>
    <message>
        <source>the new account</source>
        <translation>新しいアカウント</translation>
    </message>
    <message>
        <source>%1 A password typed here is used for Test connection only.</source>
        <translation>%1ここに入力したパスワードは接続テストにのみ使用されます。</translation>
    </message>
    <message>
        <source>Not saved: no system keyring</source>
        <translation>保存されません（システムのキーリングがありません）</translation>
    </message>
    <message>
        <source>Saved in the keyring</source>
        <translation>キーリングに保存済み</translation>
    </message>
    <message>
        <source>Saved in the system keyring (%1). Type a new one to replace it.</source>
        <translation>システムのキーリング（%1）に保存されています。変更する場合は新しいパスワードを入力してください。</translation>
    </message>
    <message>
        <source>Saved only in the system keyring (%1), never in a file.</source>
        <translation>システムのキーリング（%1）にのみ保存され、ファイルには保存されません。</translation>
    </message>
    <message>
        <source>Not saved: %1.</source>
        <translation>保存できませんでした: %1。</translation>
    </message>
    <message>
        <source>Sign-in without encryption</source>
        <translation>暗号化なしのサインイン</translation>
    </message>
    <message>
        <source>Save anyway</source>
        <translation>このまま保存</translation>
    </message>
    <message>
        <source>Not saved: %1</source>
        <translation>保存できませんでした: %1</translation>
    </message>
    <message>
        <source>Not saved: there is already an account named &apos;%1&apos;.</source>
        <translation>保存できませんでした: 「%1」という名前のアカウントがすでにあります。</translation>
    </message>
    <message>
        <source>The password was not saved: no system keyring is available.</source>
        <translation>システムのキーリングが使用できないため、パスワードは保存されませんでした。</translation>
    </message>
    <message>
        <source>Saved account %1.</source>
        <translation>アカウント「%1」を保存しました。</translation>
    </message>
    <message>
        <source>Remove account</source>
        <translation>アカウントの削除</translation>
    </message>
    <message>
        <source>Remove the account “%1” and its saved password?</source>
        <translation>アカウント「%1」と保存済みのパスワードを削除しますか？</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>削除</translation>
    </message>
    <message>
        <source>Cannot test: %1.</source>
        <translation>テストできません: %1。</translation>
    </message>
    <message>
        <source>Connecting to %1…</source>
        <translation>%1に接続しています…</translation>
    </message>
    <message>
        <source>The test failed: %1</source>
        <translation>テストに失敗しました: %1</translation>
    </message>
</context>
<context>
    <name>AppearancePage</name>
    <message>
        <source>Follow the system</source>
        <translation>システムに合わせる</translation>
    </message>
    <message>
        <source>Light</source>
        <translation>ライト</translation>
    </message>
    <message>
        <source>Dark</source>
        <translation>ダーク</translation>
    </message>
    <message>
        <source>The preview follows: in dark mode it shows the email as mail apps in dark mode show it, from the email&apos;s own dark-mode style.</source>
        <translation>プレビューも切り替わります。ダークモードでは、メール自体のダークモード用スタイルを使い、ダークモードのメールアプリと同じ見た目で表示します。</translation>
    </message>
</context>
<context>
    <name>ApproveDialog</name>
    <message>
        <source>Approve</source>
        <translation>承認</translation>
    </message>
    <message>
        <source>%1: you approve exactly the text and the recipients shown now. Any later change voids the approval.</source>
        <translation>%1: いま表示されている本文と宛先をそのまま承認します。この後に変更があると、承認は無効になります。</translation>
    </message>
    <message>
        <source>&amp;Reviewer</source>
        <translation>レビュー担当者(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;Comment</source>
        <translation>コメント(&amp;C)</translation>
    </message>
    <message>
        <source>Optional, e.g. Clear and calm.</source>
        <translation>任意。例: 分かりやすく落ち着いた文面です。</translation>
    </message>
</context>
<context>
    <name>AudienceHooks</name>
    <message>
        <source>&amp;Audiences</source>
        <translation>配信先グループ(&amp;A)</translation>
    </message>
    <message>
        <source>The promise in UTC and in each audience&apos;s time</source>
        <translation>次回更新予定（UTCと各配信先グループの現地時刻）</translation>
    </message>
    <message>
        <source>Suggested next-update times</source>
        <translation>次回更新時刻の候補</translation>
    </message>
    <message>
        <source>Suggest</source>
        <translation>候補</translation>
    </message>
</context>
<context>
    <name>AudiencePicker</name>
    <message>
        <source>No audiences yet: add them under Settings › Audiences.</source>
        <translation>配信先グループはまだありません。「設定」›「配信先グループ」で追加してください。</translation>
    </message>
    <message>
        <source>Audiences not in the settings</source>
        <translation>設定にない配信先グループ</translation>
    </message>
    <message>
        <source>Send to %1</source>
        <translation>%1に送信</translation>
    </message>
    <message>
        <source>%1, office hours %2</source>
        <translation>%1、営業時間 %2</translation>
    </message>
    <message>
        <source>Not in your settings: %1</source>
        <translation>設定にありません: %1</translation>
    </message>
    <message>
        <source>, </source>
        <translation>、</translation>
    </message>
</context>
<context>
    <name>AudiencesPage</name>
    <message>
        <source>New audience</source>
        <translation>新しい配信先グループ</translation>
    </message>
    <message>
        <source>Audiences</source>
        <translation>配信先グループ</translation>
    </message>
    <message>
        <source>&amp;Add</source>
        <translation>追加(&amp;A)</translation>
    </message>
    <message>
        <source>Add an audience</source>
        <translation>配信先グループを追加</translation>
    </message>
    <message>
        <source>&amp;Remove</source>
        <translation>削除(&amp;R)</translation>
    </message>
    <message>
        <source>Remove the selected audience</source>
        <translation>選択した配信先グループを削除</translation>
    </message>
    <message>
        <source>Audience name</source>
        <translation>配信先グループ名</translation>
    </message>
    <message>
        <source>Audience To addresses</source>
        <translation>配信先グループのToアドレス</translation>
    </message>
    <message>
        <source>Audience Bcc addresses</source>
        <translation>配信先グループのBccアドレス</translation>
    </message>
    <message>
        <source>Audience time zone</source>
        <translation>配信先グループのタイムゾーン</translation>
    </message>
    <message>
        <source>Audience office hours</source>
        <translation>配信先グループの営業時間</translation>
    </message>
    <message>
        <source>Audience office days</source>
        <translation>配信先グループの営業日</translation>
    </message>
    <message>
        <source>Chat destinations this audience follows</source>
        <translation>この配信先グループが受け取るチャット投稿先</translation>
    </message>
    <message>
        <source>No chat destinations yet: add them on the Chat page.</source>
        <translation>チャット投稿先はまだありません。「チャット」ページで追加してください。</translation>
    </message>
    <message>
        <source>No chat destinations</source>
        <translation>チャット投稿先なし</translation>
    </message>
    <message>
        <source>a distribution list, so recipients do not see each other</source>
        <translation>宛先どうしでアドレスが見えないよう、配信リストを指定します</translation>
    </message>
    <message>
        <source>Mon-Fri, or Mon, Wed, Fri</source>
        <translation>Mon-Fri、または Mon, Wed, Fri（英語の曜日略称）</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>名前(&amp;N):</translation>
    </message>
    <message>
        <source>&amp;To:</source>
        <translation>To(&amp;T):</translation>
    </message>
    <message>
        <source>&amp;Bcc:</source>
        <translation>Bcc(&amp;B):</translation>
    </message>
    <message>
        <source>Time &amp;zone:</source>
        <translation>タイムゾーン(&amp;Z):</translation>
    </message>
    <message>
        <source>Office &amp;hours:</source>
        <translation>営業時間(&amp;H):</translation>
    </message>
    <message>
        <source>&amp;Days:</source>
        <translation>営業日(&amp;D):</translation>
    </message>
    <message>
        <source>&amp;Chat posts:</source>
        <translation>チャット投稿(&amp;C):</translation>
    </message>
    <message>
        <source>Choose audiences for a notice in its Email section: their addresses join To and Bcc, and the next-update promise is shown in each audience&apos;s own time, with a warning when it falls far outside their office hours.</source>
        <translation>配信先グループは各通知の「メール」欄で選びます。選んだグループのアドレスがToとBccに加わり、次回更新予定は各グループの現地時刻でも表示されます。営業時間から大きく外れる場合は警告が出ます。</translation>
    </message>
</context>
<context>
    <name>ChangesDialog</name>
    <message>
        <source>Request changes</source>
        <translation>修正を依頼</translation>
    </message>
    <message>
        <source>Say what should change. The author sees your comment beside the field it is about.</source>
        <translation>修正してほしい点を記入してください。コメントは、対象の項目の横に作成者向けに表示されます。</translation>
    </message>
    <message>
        <source>Send back</source>
        <translation>差し戻す</translation>
    </message>
    <message>
        <source>&amp;Reviewer</source>
        <translation>レビュー担当者(&amp;R)</translation>
    </message>
    <message>
        <source>Field the comment is about</source>
        <translation>コメントの対象項目</translation>
    </message>
    <message>
        <source>The whole notice</source>
        <translation>通知全体</translation>
    </message>
    <message>
        <source>&amp;About</source>
        <translation>対象(&amp;A)</translation>
    </message>
    <message>
        <source>&amp;Comment</source>
        <translation>コメント(&amp;C)</translation>
    </message>
    <message>
        <source>e.g. Name the affected countries.</source>
        <translation>例: 影響を受けている国名を記載してください。</translation>
    </message>
</context>
<context>
    <name>ChatPage</name>
    <message>
        <source>New destination</source>
        <translation>新しい投稿先</translation>
    </message>
    <message>
        <source>stored in the keyring; type a new URL to replace it</source>
        <translation>キーリングに保存済みです。変更する場合は新しいURLを入力してください</translation>
    </message>
    <message>
        <source>Chat destinations</source>
        <translation>チャット投稿先</translation>
    </message>
    <message>
        <source>&amp;Add</source>
        <translation>追加(&amp;A)</translation>
    </message>
    <message>
        <source>Add a chat destination</source>
        <translation>チャット投稿先を追加</translation>
    </message>
    <message>
        <source>&amp;Remove</source>
        <translation>削除(&amp;R)</translation>
    </message>
    <message>
        <source>Remove the selected chat destination</source>
        <translation>選択したチャット投稿先を削除</translation>
    </message>
    <message>
        <source>Chat destination name</source>
        <translation>チャット投稿先の名前</translation>
    </message>
    <message>
        <source>Chat service</source>
        <translation>チャットサービス</translation>
    </message>
    <message>
        <source>Webhook URL</source>
        <translation>Webhook URL</translation>
    </message>
    <message>
        <source>About the webhook URL</source>
        <translation>Webhook URLについて</translation>
    </message>
    <message>
        <source>Send &amp;test post</source>
        <translation>テスト投稿(&amp;T)</translation>
    </message>
    <message>
        <source>Send a test post</source>
        <translation>テスト投稿を送信</translation>
    </message>
    <message>
        <source>Test post result</source>
        <translation>テスト投稿の結果</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>名前(&amp;N):</translation>
    </message>
    <message>
        <source>&amp;Service:</source>
        <translation>サービス(&amp;S):</translation>
    </message>
    <message>
        <source>&amp;Webhook URL:</source>
        <translation>Webhook URL(&amp;W):</translation>
    </message>
    <message>
        <source>When a notice is sent, its short version (with a link to the status page when one is set) is also posted to the chat destinations its audiences follow (Settings › Audiences). Each needs an incoming webhook: create one in the chat app and paste its URL here. The URL is kept in the system keyring, never in a file.</source>
        <translation>通知を送信すると、その短縮版（ステータスページを設定している場合はそのリンク付き）が、配信先グループが受け取るチャット投稿先にも投稿されます（「設定」›「配信先グループ」）。投稿先ごとに受信Webhookが必要です。チャットアプリで作成し、そのURLをここに貼り付けてください。URLはファイルには保存されず、システムのキーリングに保管されます。</translation>
    </message>
    <message>
        <source>No system keyring is available, so a webhook URL cannot be stored here.</source>
        <translation>システムのキーリングが使用できないため、ここにWebhook URLを保存できません。</translation>
    </message>
    <message>
        <source>Stored in the keyring when you press OK or Apply.</source>
        <translation>「OK」または「適用」を押すとキーリングに保存されます。</translation>
    </message>
    <message>
        <source>The URL is stored in the keyring.</source>
        <translation>URLはキーリングに保存されています。</translation>
    </message>
    <message>
        <source>No webhook URL yet: nothing can be posted here until one is stored.</source>
        <translation>Webhook URLが未設定です。保存するまで、この投稿先には投稿できません。</translation>
    </message>
    <message>
        <source>no webhook URL is stored for this destination</source>
        <translation>この投稿先のWebhook URLが保存されていません</translation>
    </message>
    <message>
        <source>Posting…</source>
        <translation>投稿しています…</translation>
    </message>
    <message>
        <source>Not posted: %1</source>
        <translation>投稿できませんでした: %1</translation>
    </message>
</context>
<context>
    <name>ComponentsPage</name>
    <message>
        <source>The parts of your service a notice can name, each with its status (API, Dashboard, Card payments). Every notice offers them; any other name can still be typed there. Double-click a name or press F2 to rename it.</source>
        <translation>通知で状態を示せる、サービスの構成要素です（API、ダッシュボード、カード決済など）。どの通知でも選択肢として表示され、それ以外の名前も直接入力できます。名前を変更するには、ダブルクリックするかF2キーを押してください。</translation>
    </message>
    <message>
        <source>Your components</source>
        <translation>コンポーネント一覧</translation>
    </message>
    <message>
        <source>New component&apos;s name</source>
        <translation>新しいコンポーネントの名前</translation>
    </message>
    <message>
        <source>e.g. Card payments</source>
        <translation>例: カード決済</translation>
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
        <source>Remove</source>
        <translation>削除</translation>
    </message>
    <message>
        <source>Remove the chosen component</source>
        <translation>選択したコンポーネントを削除</translation>
    </message>
    <message>
        <source>Move up</source>
        <translation>上へ移動</translation>
    </message>
    <message>
        <source>Move the chosen component up</source>
        <translation>選択したコンポーネントを上へ移動</translation>
    </message>
    <message>
        <source>Move down</source>
        <translation>下へ移動</translation>
    </message>
    <message>
        <source>Move the chosen component down</source>
        <translation>選択したコンポーネントを下へ移動</translation>
    </message>
</context>
<context>
    <name>Dialogs</name>
    <message>
        <source>Incident files (*%1);;All files (*)</source>
        <translation>インシデントファイル (*%1);;すべてのファイル (*)</translation>
    </message>
    <message>
        <source>HTML page</source>
        <translation>HTMLページ</translation>
    </message>
    <message>
        <source>Markdown (*.md);;%1 (*.html)</source>
        <translation>Markdown (*.md);;%1 (*.html)</translation>
    </message>
    <message>
        <source>Unsaved changes</source>
        <translation>未保存の変更</translation>
    </message>
    <message>
        <source>Save the changes to “%1” before closing?</source>
        <translation>閉じる前に「%1」の変更を保存しますか？</translation>
    </message>
    <message>
        <source>If you don’t save, your changes since the last save are lost.</source>
        <translation>保存しない場合、最後に保存した後の変更は失われます。</translation>
    </message>
    <message>
        <source>Someone else saved this file</source>
        <translation>ほかのユーザーがこのファイルを保存しました</translation>
    </message>
    <message>
        <source>Reload shows their version and drops your changes. Save a copy keeps both: yours goes to a new file beside it. Overwrite replaces their changes with yours.</source>
        <translation>「再読み込み」を選ぶと相手の版を表示し、あなたの変更は破棄されます。「コピーを保存」を選ぶと両方が残り、あなたの版は同じフォルダーの新しいファイルに保存されます。「上書き」を選ぶと相手の変更をあなたの変更で置き換えます。</translation>
    </message>
    <message>
        <source>Reload</source>
        <translation>再読み込み</translation>
    </message>
    <message>
        <source>Save a copy</source>
        <translation>コピーを保存</translation>
    </message>
    <message>
        <source>Overwrite</source>
        <translation>上書き</translation>
    </message>
    <message>
        <source>Incident file in use</source>
        <translation>インシデントファイルは使用中です</translation>
    </message>
    <message>
        <source>Open it read-only to look at it, or take the lock over: the program that held it seems to have stopped.</source>
        <translation>読み取り専用で開いて内容を確認するか、ロックを引き継いでください。ファイルを開いていたプログラムは停止しているようです。</translation>
    </message>
    <message>
        <source>Open it read-only to look at it, or ask them to close it.</source>
        <translation>読み取り専用で開いて内容を確認するか、相手にファイルを閉じるよう依頼してください。</translation>
    </message>
    <message>
        <source>Open read-only</source>
        <translation>読み取り専用で開く</translation>
    </message>
    <message>
        <source>Take over</source>
        <translation>引き継ぐ</translation>
    </message>
    <message>
        <source>Open incident</source>
        <translation>インシデントを開く</translation>
    </message>
    <message>
        <source>Save incident</source>
        <translation>インシデントを保存</translation>
    </message>
    <message>
        <source>Export incident</source>
        <translation>インシデントをエクスポート</translation>
    </message>
    <message>
        <source>No mail account yet</source>
        <translation>メールアカウントがありません</translation>
    </message>
    <message>
        <source>Open Mail accounts…</source>
        <translation>メールアカウントを開く…</translation>
    </message>
    <message>
        <source>Trusted certificate</source>
        <translation>信頼する証明書</translation>
    </message>
    <message>
        <source>Certificates (*.pem *.crt *.cer);;All files (*)</source>
        <translation>証明書 (*.pem *.crt *.cer);;すべてのファイル (*)</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>パスワード</translation>
    </message>
    <message>
        <source>Password for %1 at %2 (not saved):</source>
        <translation>%2の%1のパスワード（保存されません）:</translation>
    </message>
    <message>
        <source>Request review</source>
        <translation>レビューを依頼</translation>
    </message>
    <message>
        <source>Reviewer (optional):</source>
        <translation>レビュー担当者（任意）:</translation>
    </message>
</context>
<context>
    <name>NewIncidentDialog</name>
    <message>
        <source>New incident</source>
        <translation>新規インシデント</translation>
    </message>
    <message>
        <source>Incident</source>
        <translation>インシデント</translation>
    </message>
    <message>
        <source>Planned maintenance</source>
        <translation>計画メンテナンス</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>タイトル</translation>
    </message>
    <message>
        <source>e.g. Card payments failing</source>
        <translation>例: カード決済ができない</translation>
    </message>
    <message>
        <source>Affected service</source>
        <translation>影響を受けるサービス</translation>
    </message>
    <message>
        <source>e.g. Checkout</source>
        <translation>例: 決済画面</translation>
    </message>
    <message>
        <source>Notice language</source>
        <translation>通知の言語</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>種類</translation>
    </message>
    <message>
        <source>&amp;Title</source>
        <translation>タイトル(&amp;T)</translation>
    </message>
    <message>
        <source>Affected &amp;service</source>
        <translation>影響を受けるサービス(&amp;S)</translation>
    </message>
    <message>
        <source>&amp;Language</source>
        <translation>言語(&amp;L)</translation>
    </message>
    <message>
        <source>Create</source>
        <translation>作成</translation>
    </message>
</context>
<context>
    <name>PublishDialog</name>
    <message>
        <source>The status page is not set up yet. Choose, in Settings › Status page, the folder it is written into and the folder of incident files it shows (all of them: an incident kept elsewhere would not be on the page), and if you like its public address.</source>
        <translation>ステータスページはまだ設定されていません。「設定」›「ステータスページ」で、ページの書き出し先フォルダーと、掲載するインシデントファイルのフォルダー（すべてのファイルを置く場所です。ほかの場所にあるインシデントはページに載りません）を選んでください。必要に応じて公開アドレスも設定できます。</translation>
    </message>
    <message>
        <source>Publish status page</source>
        <translation>ステータスページを公開</translation>
    </message>
    <message>
        <source>The status page is not set up</source>
        <translation>ステータスページは未設定です</translation>
    </message>
    <message>
        <source>Writes the page to</source>
        <translation>ページの書き出し先</translation>
    </message>
    <message>
        <source>Shows the incidents in</source>
        <translation>掲載するインシデントの場所</translation>
    </message>
    <message>
        <source>Public address</source>
        <translation>公開アドレス</translation>
    </message>
    <message>
        <source>Writes to:</source>
        <translation>書き出し先:</translation>
    </message>
    <message>
        <source>Incidents from:</source>
        <translation>インシデントの場所:</translation>
    </message>
    <message>
        <source>Public address:</source>
        <translation>公開アドレス:</translation>
    </message>
    <message>
        <source>Change in Settings…</source>
        <translation>設定で変更…</translation>
    </message>
    <message>
        <source>Open the Status page settings</source>
        <translation>ステータスページの設定を開く</translation>
    </message>
    <message>
        <source>What publishing did</source>
        <translation>公開の結果</translation>
    </message>
    <message>
        <source>What could not be published</source>
        <translation>公開できなかったもの</translation>
    </message>
    <message>
        <source>Open page</source>
        <translation>ページを開く</translation>
    </message>
    <message>
        <source>Open the published page</source>
        <translation>公開したページを開く</translation>
    </message>
    <message>
        <source>Publish</source>
        <translation>公開</translation>
    </message>
    <message>
        <source>Publish the status page</source>
        <translation>ステータスページを公開</translation>
    </message>
    <message>
        <source>Open Status page settings…</source>
        <translation>ステータスページの設定を開く…</translation>
    </message>
    <message>
        <source>not set</source>
        <translation>未設定</translation>
    </message>
    <message>
        <source>not set: feeds and chat posts cannot link to the page</source>
        <translation>未設定（フィードやチャット投稿からページにリンクできません）</translation>
    </message>
    <message>
        <source>Publishing…</source>
        <translation>公開しています…</translation>
    </message>
    <message>
        <source>Not published: %1</source>
        <translation>公開できませんでした: %1</translation>
    </message>
</context>
<context>
    <name>RemindBeforeField</name>
    <message>
        <source>Remind this many minutes before a promised update is due</source>
        <translation>予告した次回更新の何分前に知らせるか</translation>
    </message>
    <message>
        <source> min</source>
        <translation>分</translation>
    </message>
    <message>
        <source>only when overdue</source>
        <translation>期限を過ぎたときのみ</translation>
    </message>
    <message>
        <source>Remind me before a promised &amp;update:</source>
        <translation>次回更新の期限前に知らせる(&amp;U):</translation>
    </message>
</context>
<context>
    <name>ReviewEmailDialog</name>
    <message>
        <source>Request review by email</source>
        <translation>メールでレビューを依頼</translation>
    </message>
    <message>
        <source>The reviewer gets the notice as recipients will see it and the incident file attached, to open in OutageWriter. The notice is marked “in review” once the mail server has accepted the request.</source>
        <translation>レビュー担当者には、宛先に届くものと同じ通知が、OutageWriterで開けるインシデントファイルを添付して届きます。メールサーバーが依頼を受け付けた時点で、通知は「レビュー中」になります。</translation>
    </message>
    <message>
        <source>Send request</source>
        <translation>依頼を送信</translation>
    </message>
    <message>
        <source>&amp;Reviewer’s address</source>
        <translation>レビュー担当者のアドレス(&amp;R)</translation>
    </message>
    <message>
        <source>Problem with the address</source>
        <translation>アドレスの問題</translation>
    </message>
    <message>
        <source>Send through account</source>
        <translation>送信に使うアカウント</translation>
    </message>
    <message>
        <source>Send &amp;through</source>
        <translation>送信アカウント(&amp;T)</translation>
    </message>
</context>
<context>
    <name>ReviewFlow</name>
    <message>
        <source>Cannot request a review</source>
        <translation>レビューを依頼できません</translation>
    </message>
    <message>
        <source>Cannot approve</source>
        <translation>承認できません</translation>
    </message>
    <message>
        <source>Cannot request changes</source>
        <translation>修正を依頼できません</translation>
    </message>
    <message>
        <source>the review request goes out</source>
        <translation>レビュー依頼が送信されます</translation>
    </message>
    <message>
        <source>Review request not sent</source>
        <translation>レビュー依頼は送信されませんでした</translation>
    </message>
    <message>
        <source>Sending the review request to %1…</source>
        <translation>%1にレビュー依頼を送信しています…</translation>
    </message>
    <message>
        <source>Nothing went to %1.</source>
        <translation>%1には何も送信されていません。</translation>
    </message>
    <message>
        <source> The notice is still a draft: it is marked “in review” once a request has gone out.</source>
        <translation>通知は下書きのままです。依頼が送信された時点で「レビュー中」になります。</translation>
    </message>
    <message>
        <source>The review request to %1 was not sent.</source>
        <translation>%1へのレビュー依頼は送信されませんでした。</translation>
    </message>
    <message>
        <source>The review request went to %1, with the incident file attached.</source>
        <translation>インシデントファイルを添付して、%1にレビュー依頼を送信しました。</translation>
    </message>
    <message>
        <source>Review requested</source>
        <translation>レビューを依頼しました</translation>
    </message>
</context>
<context>
    <name>ReviewPage</name>
    <message>
        <source>A notice is sent only after a reviewer approved its exact text</source>
        <translation>レビュー担当者が本文を承認した通知だけを送信する</translation>
    </message>
    <message>
        <source>Sending needs an approval</source>
        <translation>送信には承認が必要</translation>
    </message>
    <message>
        <source>Allow approving your own notices (for one-person teams)</source>
        <translation>自分の通知の承認を許可する（1人で運用するチーム向け）</translation>
    </message>
    <message>
        <source>Allow self-approval</source>
        <translation>自己承認を許可</translation>
    </message>
    <message>
        <source>A second pair of eyes catches what the writer no longer sees; the approval holds only for the text approved, and any change voids it.</source>
        <translation>別の人が確認することで、書き手が見落としたことに気付けます。承認は承認した本文に対してのみ有効で、変更があると無効になります。</translation>
    </message>
    <message>
        <source>Off by default. When you approve your own notice, the incident&apos;s audit log records that it was self-approved.</source>
        <translation>既定ではオフです。自分の通知を承認すると、自己承認であることがインシデントの監査ログに記録されます。</translation>
    </message>
    <message>
        <source>Once a notice is sent, a banner and a desktop notification remind you this long before the update it promised is due, and again when it is overdue.</source>
        <translation>通知の送信後、予告した次回更新の期限のこの時間前と、期限を過ぎたときに、バナーとデスクトップ通知でお知らせします。</translation>
    </message>
</context>
<context>
    <name>SendDialog</name>
    <message>
        <source>Send a test to myself</source>
        <translation>自分宛てにテスト送信</translation>
    </message>
    <message>
        <source>Send the notice</source>
        <translation>通知を送信</translation>
    </message>
    <message>
        <source>Who gets it</source>
        <translation>送信先</translation>
    </message>
    <message>
        <source>Send through account</source>
        <translation>送信に使うアカウント</translation>
    </message>
    <message>
        <source>%1 — %2 via %3</source>
        <translation>%1 — %2（%3経由）</translation>
    </message>
    <message>
        <source>Send &amp;through</source>
        <translation>送信アカウント(&amp;T)</translation>
    </message>
    <message>
        <source>Also posts to: %1</source>
        <translation>チャットにも投稿: %1</translation>
    </message>
    <message>
        <source>, </source>
        <translation>、</translation>
    </message>
    <message>
        <source>Chat destinations it is also posted to</source>
        <translation>あわせて投稿するチャット投稿先</translation>
    </message>
    <message>
        <source>Also &amp;post to chat</source>
        <translation>チャットにも投稿する(&amp;P)</translation>
    </message>
    <message>
        <source>Also post the short version to chat</source>
        <translation>短縮版をチャットにも投稿</translation>
    </message>
    <message>
        <source>Send test</source>
        <translation>テスト送信</translation>
    </message>
    <message>
        <source>Send now</source>
        <translation>今すぐ送信</translation>
    </message>
    <message>
        <source>From %1; the test goes only to %2.</source>
        <translation>差出人: %1。テストは%2にのみ送信されます。</translation>
    </message>
    <message>
        <source>From %1.</source>
        <translation>差出人: %1。</translation>
    </message>
</context>
<context>
    <name>Sending</name>
    <message>
        <source>A [TEST] copy of notice %1 (“%2”) goes only to the sending account’s own address. Nobody else gets it, and it is not recorded as sent.</source>
        <translation>通知%1（「%2」）の[TEST]版を、送信アカウント自身のアドレスにのみ送信します。ほかの宛先には届かず、送信済みとしても記録されません。</translation>
    </message>
    <message>
        <source>Notice %1 (“%2”) goes to %n recipient.</source>
        <translation>通知%1（「%2」）を%n件の宛先に送信します。</translation>
    </message>
    <message>
        <source>Notice %1 (“%2”) goes to %n recipients.</source>
        <translation>通知%1（「%2」）を%n件の宛先に送信します。</translation>
    </message>
    <message>
        <source>Approved by %1 (%2).</source>
        <translation>承認者：%1（%2）</translation>
    </message>
    <message>
        <source>Your settings do not require an approval before sending.</source>
        <translation>現在の設定では、送信前の承認は不要です。</translation>
    </message>
    <message>
        <source>Mail accounts</source>
        <translation>メールアカウント</translation>
    </message>
    <message>
        <source>There is no mail account to send through yet. Add yours in Mail accounts; once it is saved, %1.</source>
        <translation>送信に使うメールアカウントがまだありません。「メールアカウント」で追加してください。保存すると%1。</translation>
    </message>
    <message>
        <source>Ask a reviewer to approve it (Review tab, Request review), then send it.</source>
        <translation>レビュー担当者に承認を依頼してから（「レビュー」タブの「レビューを依頼」）、送信してください。</translation>
    </message>
    <message>
        <source>Notice %1 has not been approved yet. %2</source>
        <translation>通知%1はまだ承認されていません。%2</translation>
    </message>
    <message>
        <source>Notice %1 has not been approved yet (%2). %3</source>
        <translation>通知%1はまだ承認されていません（%2）。%3</translation>
    </message>
    <message>
        <source>Opened read-only</source>
        <translation>読み取り専用で開いています</translation>
    </message>
    <message>
        <source>This file is open read-only; it cannot be sent from here.</source>
        <translation>このファイルは読み取り専用で開いているため、ここからは送信できません。</translation>
    </message>
    <message>
        <source>Not approved</source>
        <translation>未承認</translation>
    </message>
    <message>
        <source>Not sent</source>
        <translation>送信されませんでした</translation>
    </message>
    <message>
        <source>the sending goes on</source>
        <translation>送信を続行します</translation>
    </message>
    <message>
        <source>No chat posts this time: %1</source>
        <translation>今回はチャットに投稿しません: %1</translation>
    </message>
    <message>
        <source>A reviewer</source>
        <translation>レビュー担当者</translation>
    </message>
    <message>
        <source>Approved, but another version</source>
        <translation>別の版が承認されています</translation>
    </message>
    <message>
        <source>%1 approved this notice in the file (%2), but not the version you see here. What differs ([-…-] approved, {+…+} yours):
%3

Ask %1 to approve it as it is now, or reload the file to see the approved version.</source>
        <translation>%1がファイル内でこの通知を承認しましたが（%2）、ここに表示されている版ではありません。相違点（[-…-] が承認済み、{+…+} があなたの版）:
%3

現在の内容で承認するよう%1に依頼するか、ファイルを再読み込みして承認済みの版を表示してください。</translation>
    </message>
    <message>
        <source> Your unsaved changes are replaced by the file&apos;s version.</source>
        <translation>未保存の変更は、ファイルの内容で置き換えられます。</translation>
    </message>
    <message>
        <source>Approved meanwhile</source>
        <translation>その間に承認されました</translation>
    </message>
    <message>
        <source>%1 approved this notice (%2) and saved the approval to the file after you opened it. It covers exactly the text and recipients you see now. Reload the file to send with this approval?%3</source>
        <translation>ファイルを開いた後に、%1がこの通知を承認し（%2）、その承認をファイルに保存しました。承認の対象は、いま表示されている本文と宛先そのものです。ファイルを再読み込みして、この承認で送信しますか？%3</translation>
    </message>
    <message>
        <source>Reload and continue</source>
        <translation>再読み込みして続行</translation>
    </message>
    <message numerus="yes">
        <source>Sending to %n recipient…</source>
        <translation>
            <numerusform>%n件の宛先に送信しています…</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Sending to %n recipients…</source>
        <translation>
            <numerusform>%n件の宛先に送信しています…</numerusform>
        </translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>キャンセル</translation>
    </message>
    <message>
        <source>Sending progress</source>
        <translation>送信の進み具合</translation>
    </message>
    <message>
        <source>Sending</source>
        <translation>送信中</translation>
    </message>
    <message>
        <source>Stopping after this batch…</source>
        <translation>このまとまりの送信後に停止します…</translation>
    </message>
    <message>
        <source>Stopping…</source>
        <translation>停止しています…</translation>
    </message>
    <message>
        <source>The file changed while sending</source>
        <translation>送信中にファイルが変更されました</translation>
    </message>
    <message>
        <source>Someone else saved the incident file while the notice was being sent. The record of who got it is kept in this window: save it now so nobody gets it twice.</source>
        <translation>通知の送信中に、ほかのユーザーがインシデントファイルを保存しました。送信済みの宛先の記録はこのウィンドウに残っています。同じ宛先に二重に届かないよう、今すぐ保存してください。</translation>
    </message>
    <message>
        <source>Sending failed</source>
        <translation>送信に失敗しました</translation>
    </message>
    <message>
        <source>Sent</source>
        <translation>送信しました</translation>
    </message>
    <message>
        <source>Not everyone got it</source>
        <translation>一部の宛先に届きませんでした</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <source>%1 is not a usable name.</source>
        <translation>%1は名前として使用できません。</translation>
    </message>
    <message>
        <source>%1 is not a usable email address.</source>
        <translation>%1はメールアドレスとして使用できません。</translation>
    </message>
    <message>
        <source>%1 is not a usable list of names (up to 100 characters each).</source>
        <translation>%1は名前の一覧として使用できません（1件100文字まで）。</translation>
    </message>
    <message>
        <source>%1 is not a usable list of components (up to 80 characters each, no &apos;=&apos; or &apos;;&apos;).</source>
        <translation>%1はコンポーネントの一覧として使用できません（1件80文字まで、「=」と「;」は使用不可）。</translation>
    </message>
    <message>
        <source>%1 is not a usable folder.</source>
        <translation>%1はフォルダーとして使用できません。</translation>
    </message>
    <message>
        <source>%1 is not a usable web address (http:// or https://).</source>
        <translation>%1はWebアドレスとして使用できません（http://またはhttps://で始めてください）。</translation>
    </message>
    <message>
        <source>%1 is not a usable title (up to 200 characters).</source>
        <translation>%1はタイトルとして使用できません（200文字まで）。</translation>
    </message>
    <message>
        <source>%1 is not a usable server address (http://host:port).</source>
        <translation>%1はサーバーアドレスとして使用できません（http://ホスト:ポート の形式）。</translation>
    </message>
    <message>
        <source>%1 is not a usable word list (up to 100 characters a word).</source>
        <translation>%1は単語の一覧として使用できません（1語100文字まで）。</translation>
    </message>
    <message>
        <source>Give the LanguageTool server&apos;s address.</source>
        <translation>LanguageToolサーバーのアドレスを入力してください。</translation>
    </message>
    <message>
        <source>Choose the folder holding LanguageTool&apos;s files.</source>
        <translation>LanguageToolのファイルがあるフォルダーを選択してください。</translation>
    </message>
    <message>
        <source>Writing checks</source>
        <translation>文章チェック</translation>
    </message>
    <message>
        <source>Tone rules</source>
        <translation>表現ルール</translation>
    </message>
    <message>
        <source>You</source>
        <translation>ユーザー情報</translation>
    </message>
    <message>
        <source>Review</source>
        <translation>レビュー</translation>
    </message>
    <message>
        <source>Components</source>
        <translation>コンポーネント</translation>
    </message>
    <message>
        <source>Audiences</source>
        <translation>配信先グループ</translation>
    </message>
    <message>
        <source>Status page</source>
        <translation>ステータスページ</translation>
    </message>
    <message>
        <source>Chat</source>
        <translation>チャット</translation>
    </message>
    <message>
        <source>Appearance</source>
        <translation>外観</translation>
    </message>
    <message>
        <source>Mail accounts</source>
        <translation>メールアカウント</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>設定</translation>
    </message>
    <message>
        <source>Settings pages</source>
        <translation>設定ページ</translation>
    </message>
    <message>
        <source>Why the settings were not saved</source>
        <translation>設定が保存されなかった理由</translation>
    </message>
    <message>
        <source>Not saved: %1</source>
        <translation>保存できませんでした: %1</translation>
    </message>
    <message>
        <source>Saved, but a webhook URL was not stored: %1</source>
        <translation>設定は保存しましたが、Webhook URLを保存できませんでした: %1</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
</context>
<context>
    <name>StarterDialog</name>
    <message>
        <source>Start from a starting text</source>
        <translation>ひな形から作成</translation>
    </message>
    <message>
        <source>Fills the empty fields of this notice. Replace every [placeholder] before sending: the checks list each one left.</source>
        <translation>この通知の空欄の項目に入力します。送信前に[プレースホルダー]をすべて書き換えてください。残っているものはチェックで一覧表示されます。</translation>
    </message>
    <message>
        <source>Starting texts</source>
        <translation>ひな形</translation>
    </message>
    <message>
        <source>Fields it fills</source>
        <translation>入力される項目</translation>
    </message>
    <message>
        <source>Summary of the starting text</source>
        <translation>ひな形の概要</translation>
    </message>
    <message>
        <source>Starting-text files that were ignored</source>
        <translation>読み込まれなかったひな形ファイル</translation>
    </message>
    <message>
        <source>Use this text</source>
        <translation>このひな形を使う</translation>
    </message>
    <message>
        <source>Fills: %1</source>
        <translation>入力される項目: %1</translation>
    </message>
    <message>
        <source>, </source>
        <translation>、</translation>
    </message>
</context>
<context>
    <name>StarterFlow</name>
    <message>
        <source>Starting texts are not available</source>
        <translation>ひな形を使用できません</translation>
    </message>
    <message>
        <source>, </source>
        <translation>、</translation>
    </message>
    <message>
        <source>Replace your text?</source>
        <translation>入力済みの文章を置き換えますか？</translation>
    </message>
    <message>
        <source>“%1” has its own text for %2, where you have typed already. Replace your text with the starting text?</source>
        <translation>「%1」には、すでに入力済みの項目（%2）の文章も含まれています。入力済みの文章をひな形の文章で置き換えますか？</translation>
    </message>
    <message>
        <source>Replace</source>
        <translation>置き換える</translation>
    </message>
    <message>
        <source>Cannot use this starting text</source>
        <translation>このひな形は使用できません</translation>
    </message>
    <message>
        <source>Started from “%1”: replace each [placeholder].</source>
        <translation>「%1」から作成しました。[プレースホルダー]をすべて書き換えてください。</translation>
    </message>
</context>
<context>
    <name>StatusPagePage</name>
    <message>
        <source>Browse…</source>
        <translation>参照…</translation>
    </message>
    <message>
        <source>Incident → Publish status page… writes a complete static status page (HTML, feeds and a JSON summary) into a folder: a shared drive, a synced folder or anything a static web host serves. Only sent notices are published.</source>
        <translation>「インシデント」→「ステータスページを公開…」で、静的なステータスページ一式（HTML、フィード、JSON形式の概要）をフォルダーに書き出します。共有ドライブ、同期フォルダー、静的Webホスティングで配信するフォルダーなどを指定できます。公開されるのは送信済みの通知だけです。</translation>
    </message>
    <message>
        <source>Status page folder</source>
        <translation>ステータスページのフォルダー</translation>
    </message>
    <message>
        <source>Choose the status page folder</source>
        <translation>ステータスページのフォルダーを選択</translation>
    </message>
    <message>
        <source>the folder the page is written into</source>
        <translation>ページを書き出すフォルダー</translation>
    </message>
    <message>
        <source>Incidents folder</source>
        <translation>インシデントのフォルダー</translation>
    </message>
    <message>
        <source>Folder of incident files</source>
        <translation>インシデントファイルのフォルダー</translation>
    </message>
    <message>
        <source>Choose the incidents folder</source>
        <translation>インシデントのフォルダーを選択</translation>
    </message>
    <message>
        <source>the folder where the team keeps every incident file</source>
        <translation>チームがすべてのインシデントファイルを置くフォルダー</translation>
    </message>
    <message>
        <source>Status page address</source>
        <translation>ステータスページのアドレス</translation>
    </message>
    <message>
        <source>Status page title</source>
        <translation>ステータスページのタイトル</translation>
    </message>
    <message>
        <source>empty: your organisation&apos;s first name (Tone rules) + “status”</source>
        <translation>空欄の場合: 組織名の1つ目（表現ルール）+「status」</translation>
    </message>
    <message>
        <source>&amp;Write to:</source>
        <translation>書き出し先(&amp;W):</translation>
    </message>
    <message>
        <source>&amp;Incidents from:</source>
        <translation>インシデントの場所(&amp;I):</translation>
    </message>
    <message>
        <source>Public &amp;address:</source>
        <translation>公開アドレス(&amp;A):</translation>
    </message>
    <message>
        <source>&amp;Title:</source>
        <translation>タイトル(&amp;T):</translation>
    </message>
    <message>
        <source>The public address is where readers find the page: the feeds, the JSON summary and chat posts link to it.</source>
        <translation>公開アドレスは、読者がページにアクセスするためのアドレスです。フィード、JSON形式の概要、チャット投稿からこのアドレスにリンクします。</translation>
    </message>
    <message>
        <source>Publish again after each notice is sent</source>
        <translation>通知を送信するたびに再公開する</translation>
    </message>
    <message>
        <source>Publish the status page after each send</source>
        <translation>送信のたびにステータスページを公開</translation>
    </message>
</context>
<context>
    <name>ToneRulesPage</name>
    <message>
        <source>Your organisation</source>
        <translation>自組織</translation>
    </message>
    <message>
        <source>Your organisation&apos;s names, brands and products, one per line. The tone checks do not call it blame when a sentence names these as the cause.</source>
        <translation>自組織の名前、ブランド、製品名を1行に1つずつ入力してください。これらを原因として挙げている文は、表現チェックで責任転嫁として指摘されません。</translation>
    </message>
    <message>
        <source>Your organisation&apos;s names</source>
        <translation>自組織の名前</translation>
    </message>
    <message>
        <source>Tone rules</source>
        <translation>表現ルール</translation>
    </message>
    <message>
        <source>Rules for notices in</source>
        <translation>ルールを表示する通知の言語</translation>
    </message>
    <message>
        <source>Rules for notices &amp;in</source>
        <translation>通知の言語(&amp;I)</translation>
    </message>
    <message>
        <source>Tone rules for notices in %1</source>
        <translation>%1の通知の表現ルール</translation>
    </message>
    <message>
        <source>Untick a rule to turn it off for every notice; select one to see what it flags and what it lets pass.</source>
        <translation>チェックを外すと、そのルールはすべての通知でオフになります。ルールを選択すると、指摘される例と指摘されない例を確認できます。</translation>
    </message>
    <message>
        <source>Rules come from the %1 pack shipped with OutageWriter and your own packs in %2: %3.</source>
        <translation>ルールは、OutageWriter付属の%1パックと、%2にある独自パック（%3）から読み込まれます。</translation>
    </message>
    <message>
        <source>, </source>
        <translation>、</translation>
    </message>
    <message>
        <source>Rules come from the %1 pack shipped with OutageWriter. Your own packs (your vendors, your products, rules of your own) go in %2; see the README.</source>
        <translation>ルールはOutageWriter付属の%1パックから読み込まれます。独自パック（取引先、自社製品、独自のルール）は%2に置いてください。詳しくはREADMEをご覧ください。</translation>
    </message>
    <message>
        <source>Rule packs in use</source>
        <translation>使用中のルールパック</translation>
    </message>
    <message>
        <source>About the selected rule</source>
        <translation>選択したルールについて</translation>
    </message>
    <message>
        <source>Try: %1</source>
        <translation>言い換え例: %1</translation>
    </message>
    <message>
        <source>“%1”</source>
        <translation>「%1」</translation>
    </message>
    <message>
        <source>Flags: %1</source>
        <translation>指摘される例: %1</translation>
    </message>
    <message>
        <source>Passes: %1</source>
        <translation>指摘されない例: %1</translation>
    </message>
    <message>
        <source>Source: %1</source>
        <translation>出典: %1</translation>
    </message>
    <message>
        <source>Turned off in your rule pack %1.</source>
        <translation>ルールパック%1でオフにしています。</translation>
    </message>
</context>
<context>
    <name>WritingChecksPage</name>
    <message>
        <source>Off: tone and structure checks only</source>
        <translation>オフ（表現と構成のチェックのみ）</translation>
    </message>
    <message>
        <source>Start LanguageTool on this computer, from its files</source>
        <translation>このコンピューター上のLanguageToolのファイルから起動する</translation>
    </message>
    <message>
        <source>Download LanguageTool once, then start it on this computer</source>
        <translation>LanguageToolを一度ダウンロードし、このコンピューターで起動する</translation>
    </message>
    <message>
        <source>Use a LanguageTool server (your company&apos;s own)</source>
        <translation>LanguageToolサーバー（自社で運用するもの）を使用する</translation>
    </message>
    <message>
        <source>Grammar and spelling (LanguageTool)</source>
        <translation>文法・スペルチェック（LanguageTool）</translation>
    </message>
    <message>
        <source>LanguageTool folder</source>
        <translation>LanguageToolのフォルダー</translation>
    </message>
    <message>
        <source>the folder holding languagetool-server.jar</source>
        <translation>languagetool-server.jarがあるフォルダー</translation>
    </message>
    <message>
        <source>Choose…</source>
        <translation>選択…</translation>
    </message>
    <message>
        <source>Choose the LanguageTool folder</source>
        <translation>LanguageToolのフォルダーを選択</translation>
    </message>
    <message>
        <source>About running LanguageTool here</source>
        <translation>このコンピューターでのLanguageToolの実行について</translation>
    </message>
    <message>
        <source>LanguageTool server address</source>
        <translation>LanguageToolサーバーのアドレス</translation>
    </message>
    <message>
        <source>&amp;Test</source>
        <translation>テスト(&amp;T)</translation>
    </message>
    <message>
        <source>Test grammar checks</source>
        <translation>文法チェックをテスト</translation>
    </message>
    <message>
        <source>Grammar test result</source>
        <translation>文法チェックのテスト結果</translation>
    </message>
    <message>
        <source>Words never reported as misspelt (one per line: products, names):</source>
        <translation>スペルミスとして指摘しない単語（製品名や人名などを1行に1つ）:</translation>
    </message>
    <message>
        <source>Custom words</source>
        <translation>ユーザー辞書</translation>
    </message>
    <message>
        <source>Java: %1. </source>
        <translation>Java: %1。</translation>
    </message>
    <message>
        <source>Java 17 or newer is needed and was not found (JAVA_HOME or PATH): install a Java runtime, or use a server. </source>
        <translation>Java 17以降が必要ですが、見つかりませんでした（JAVA_HOMEまたはPATH）。Javaランタイムをインストールするか、サーバーを使用してください。</translation>
    </message>
    <message>
        <source>LanguageTool takes up to %1 of memory while the app runs; it starts in the background (up to a minute) and never holds up typing.</source>
        <translation>LanguageToolは、アプリの実行中に最大%1のメモリを使用します。バックグラウンドで起動するため（最大1分程度）、入力が妨げられることはありません。</translation>
    </message>
    <message>
        <source>No LanguageTool server jar in “%1”.</source>
        <translation>「%1」にLanguageToolのサーバーjarがありません。</translation>
    </message>
    <message>
        <source>Give a LanguageTool folder or a server address (http://host:port).</source>
        <translation>LanguageToolのフォルダーか、サーバーアドレス（http://ホスト:ポート）を指定してください。</translation>
    </message>
    <message>
        <source>Testing… (starting LanguageTool can take up to a minute)</source>
        <translation>テストしています…（LanguageToolの起動には最大1分程度かかります）</translation>
    </message>
</context>
<context>
    <name>YouPage</name>
    <message>
        <source>Your name</source>
        <translation>あなたの名前</translation>
    </message>
    <message>
        <source>Your email address</source>
        <translation>あなたのメールアドレス</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>名前(&amp;N):</translation>
    </message>
    <message>
        <source>&amp;Email:</source>
        <translation>メール(&amp;E):</translation>
    </message>
    <message>
        <source>Your name is recorded as the author of the notices you write, as the reviewer of those you approve, and in the incident&apos;s audit log. Your email is shown with your name to others who find a file open in your window. When the name is empty, your user name on this computer is used.</source>
        <translation>あなたの名前は、作成した通知の作成者、承認した通知のレビュー担当者として、またインシデントの監査ログに記録されます。メールアドレスは、あなたのウィンドウで開いているファイルをほかのユーザーが開こうとしたときに、名前とともに表示されます。名前が空欄の場合は、このコンピューターのユーザー名が使われます。</translation>
    </message>
</context>
</TS>
