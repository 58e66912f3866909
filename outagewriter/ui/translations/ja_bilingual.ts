<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ja_JP">
<context>
    <name>TranslationEditors</name>
    <message>
        <source>%1 — %2</source>
        <translation>%1 — %2</translation>
    </message>
    <message>
        <source>%1 in %2</source>
        <translation>%1（%2）</translation>
    </message>
</context>
<context>
    <name>AlsoIn</name>
    <message>
        <source>Also in</source>
        <translation>併記する言語</translation>
    </message>
    <message>
        <source>Write every notice in a second language too, below the first</source>
        <translation>すべてのお知らせを、最初の言語の下に別の言語でも併記します</translation>
    </message>
    <message>
        <source>None</source>
        <translation>なし</translation>
    </message>
    <message>
        <source>&amp;Also in</source>
        <translation>併記(&amp;A)</translation>
    </message>
</context>
<context>
    <name>LanguagesDialog</name>
    <message>
        <source>Languages</source>
        <translation>言語</translation>
    </message>
    <message>
        <source>Notice language</source>
        <translation>お知らせの言語</translation>
    </message>
    <message>
        <source>Every notice is written in the first language; with a second one, its text follows below the first in the same email. Notices already sent stay as they were sent.</source>
        <translation>お知らせはすべて最初の言語で作成します。2つ目の言語を選ぶと、同じメールの中で最初の言語の本文の下にその言語の本文が続きます。送信済みのお知らせは、送信した時点の内容のまま変わりません。</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Cannot change the languages</source>
        <translation>言語を変更できません</translation>
    </message>
    <message>
        <source>Drop the typed text?</source>
        <translation>入力済みの文章を破棄しますか？</translation>
    </message>
    <message>
        <source>Changing the languages drops text already typed: %1.</source>
        <translation>言語を変更すると、入力済みの次の文章が失われます：%1。</translation>
    </message>
    <message>
        <source>Drop it</source>
        <translation>破棄する</translation>
    </message>
</context>
</TS>
