<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ar">
<context>
    <name>AboutDialog</name>
    <message>
        <source>About Qawl</source>
        <translation>عن قول</translation>
    </message>
    <message>
        <source>Annotate quotes, claims, speakers, cues and dates in news articles by hand, review teammates&apos; annotations and export labelled datasets. Free software (MIT licence).</source>
        <translation>توسيم الاقتباسات والادعاءات والمتحدثين وأفعال القول والتواريخ في المقالات الإخبارية يدوياً، ومراجعة توسيمات الزملاء، وتصدير مجموعات بيانات موسومة. برنامج حر (رخصة MIT).</translation>
    </message>
    <message>
        <source>Project</source>
        <translation>المشروع</translation>
    </message>
    <message>
        <source>Log</source>
        <translation>السجل</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>الإعدادات</translation>
    </message>
    <message>
        <source>(in memory)</source>
        <translation>(في الذاكرة)</translation>
    </message>
    <message>
        <source>Copy versions</source>
        <translation>نسخ الإصدارات</translation>
    </message>
    <message>
        <source>System</source>
        <translation>النظام</translation>
    </message>
    <message>
        <source>Installed in</source>
        <translation>مثبَّت في</translation>
    </message>
</context>
<context>
    <name>ActionRegistry</name>
    <message>
        <source>Label as %1</source>
        <translation>وسم: %1</translation>
    </message>
</context>
<context>
    <name>Actions</name>
    <message>
        <source>&amp;Import…</source>
        <translation>استيرا&amp;د…</translation>
    </message>
    <message>
        <source>Bring articles (.txt) and annotations (.jsonl) into the project</source>
        <translation>إدخال مقالات (.txt) وتوسيمات (.jsonl) إلى المشروع</translation>
    </message>
    <message>
        <source>&amp;Export…</source>
        <translation>ت&amp;صدير…</translation>
    </message>
    <message>
        <source>Write the labelled dataset</source>
        <translation>كتابة مجموعة البيانات الموسومة</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;خروج</translation>
    </message>
    <message>
        <source>&amp;Undo</source>
        <translation>ترا&amp;جع</translation>
    </message>
    <message>
        <source>&amp;Redo</source>
        <translation>إ&amp;عادة</translation>
    </message>
    <message>
        <source>&amp;Delete annotation</source>
        <translation>&amp;حذف التوسيم</translation>
    </message>
    <message>
        <source>Deselect</source>
        <translation>إلغاء التحديد</translation>
    </message>
    <message>
        <source>Next annotation</source>
        <translation>التوسيم التالي</translation>
    </message>
    <message>
        <source>Previous annotation</source>
        <translation>التوسيم السابق</translation>
    </message>
    <message>
        <source>Move end edge left</source>
        <translation>تحريك حد النهاية يساراً</translation>
    </message>
    <message>
        <source>Move end edge right</source>
        <translation>تحريك حد النهاية يميناً</translation>
    </message>
    <message>
        <source>Move start edge left</source>
        <translation>تحريك حد البداية يساراً</translation>
    </message>
    <message>
        <source>Move start edge right</source>
        <translation>تحريك حد البداية يميناً</translation>
    </message>
    <message>
        <source>&amp;Link to current quote</source>
        <translation>&amp;ربط بالاقتباس الحالي</translation>
    </message>
    <message>
        <source>Link the selected speaker, cue or date to the current quote or claim</source>
        <translation>ربط المتحدث أو فعل القول أو التاريخ المحدد بالاقتباس أو الادعاء الحالي</translation>
    </message>
    <message>
        <source>Choose &amp;speaker…</source>
        <translation>اختيار المت&amp;حدث…</translation>
    </message>
    <message>
        <source>Choose the registry speaker of the selected mention or quote</source>
        <translation>اختيار المتحدث من السجل للإشارة أو الاقتباس المحدد</translation>
    </message>
    <message>
        <source>Set date &amp;value…</source>
        <translation>تعيين &amp;قيمة التاريخ…</translation>
    </message>
    <message>
        <source>Next quote &amp;type</source>
        <translation>&amp;نوع الاقتباس التالي</translation>
    </message>
    <message>
        <source>direct → indirect → mixed</source>
        <translation>مباشر ← غير مباشر ← مختلط</translation>
    </message>
    <message>
        <source>Next check-&amp;worthiness</source>
        <translation>الجدارة بال&amp;تحقق: التالي</translation>
    </message>
    <message>
        <source>Claim: check-worthy yes → no → unsure → none</source>
        <translation>الادعاء: جدير بالتحقق نعم ← لا ← غير متأكد ← بلا</translation>
    </message>
    <message>
        <source>Claim &amp;verdict…</source>
        <translation>&amp;حكم الادعاء…</translation>
    </message>
    <message>
        <source>Choose the claim&apos;s verdict: R, then its number</source>
        <translation>اختيار حكم الادعاء: R ثم رقمه</translation>
    </message>
    <message>
        <source>Fact-check &amp;URL…</source>
        <translation>&amp;رابط التحقق…</translation>
    </message>
    <message>
        <source>The URL of the published fact-check of the claim</source>
        <translation>رابط التحقق المنشور من الادعاء</translation>
    </message>
    <message>
        <source>Link to canonical &amp;claim…</source>
        <translation>ربط بال&amp;ادعاء الموحّد…</translation>
    </message>
    <message>
        <source>Link the claim to the project&apos;s claim registry (similar claims first)</source>
        <translation>ربط الادعاء بسجل الادعاءات في المشروع (الادعاءات المشابهة أولاً)</translation>
    </message>
    <message>
        <source>&amp;Next document</source>
        <translation>المستند ال&amp;تالي</translation>
    </message>
    <message>
        <source>&amp;Previous document</source>
        <translation>المستند ال&amp;سابق</translation>
    </message>
    <message>
        <source>Mark to do</source>
        <translation>وضع علامة: للإنجاز</translation>
    </message>
    <message>
        <source>Mark in progress</source>
        <translation>وضع علامة: قيد العمل</translation>
    </message>
    <message>
        <source>Mark &amp;done</source>
        <translation>وضع علامة: من&amp;جز</translation>
    </message>
    <message>
        <source>&amp;Filter the document list</source>
        <translation>&amp;تصفية قائمة المستندات</translation>
    </message>
    <message>
        <source>Zoom &amp;in</source>
        <translation>ت&amp;كبير</translation>
    </message>
    <message>
        <source>Zoom &amp;out</source>
        <translation>تص&amp;غير</translation>
    </message>
    <message>
        <source>Reset zoom</source>
        <translation>إعادة الحجم</translation>
    </message>
    <message>
        <source>Article &amp;font…</source>
        <translation>&amp;خط المقال…</translation>
    </message>
    <message>
        <source>Switch text &amp;direction</source>
        <translation>عكس ا&amp;تجاه النص</translation>
    </message>
    <message>
        <source>Show this article right-to-left or left-to-right (offsets never change)</source>
        <translation>عرض المقال من اليمين إلى اليسار أو من اليسار إلى اليمين (لا تتغير المواضع أبداً)</translation>
    </message>
    <message>
        <source>&amp;Keys…</source>
        <translation>الم&amp;فاتيح…</translation>
    </message>
    <message>
        <source>Every key of the window, grouped and searchable; change the single-letter ones</source>
        <translation>كل مفاتيح النافذة مجمّعةً وقابلة للبحث؛ ويمكن تغيير المفاتيح ذات الحرف الواحد</translation>
    </message>
    <message>
        <source>العربية / English</source>
        <translation>العربية / English</translation>
    </message>
    <message>
        <source>Switch the interface language (Arabic, mirrored / English)</source>
        <translation>تبديل لغة الواجهة (العربية معكوسة الاتجاه / الإنجليزية)</translation>
    </message>
    <message>
        <source>Leave out or restore the &amp;proclitic</source>
        <translation>حذف السابقة الملتصقة أو إعادتها (&amp;P)</translation>
    </message>
    <message>
        <source>و، ف، ب، ل، ك، ال at the start of the selected speaker or cue: leave it out of the span, or put it back</source>
        <translation>و، ف، ب، ل، ك، ال في أول المتحدث أو فعل القول المحدد: إخراجها من المقطع أو إعادتها إليه</translation>
    </message>
    <message>
        <source>&amp;Snap selections to words</source>
        <translation>ضبط التحديد على &amp;كلمات كاملة</translation>
    </message>
    <message>
        <source>Labels take whole words without stray punctuation (Alt-drag: exact characters for one selection)</source>
        <translation>الوسم يأخذ كلمات كاملة بلا علامات ترقيم زائدة (السحب مع Alt: الأحرف كما هي لتحديد واحد)</translation>
    </message>
    <message>
        <source>Show all &amp;links</source>
        <translation>إظهار كل ال&amp;روابط</translation>
    </message>
    <message>
        <source>Draw every speaker, cue and date link of the visible text (the current quote&apos;s links are always drawn)</source>
        <translation>ارسم كل روابط المتحدث والفعل والتاريخ في النص الظاهر (روابط الاقتباس الحالي تُرسم دائمًا)</translation>
    </message>
</context>
<context>
    <name>Agreement</name>
    <message>
        <source>not defined: nothing to compare</source>
        <translation>غير معرَّف: لا شيء للمقارنة</translation>
    </message>
    <message>
        <source>speaker</source>
        <translation>المتحدث</translation>
    </message>
    <message>
        <source>cue</source>
        <translation>فعل القول</translation>
    </message>
    <message>
        <source>date</source>
        <translation>التاريخ</translation>
    </message>
    <message>
        <source>type</source>
        <translation>النوع</translation>
    </message>
</context>
<context>
    <name>AgreementWindow</name>
    <message>
        <source>Agreement</source>
        <translation>الاتفاق</translation>
    </message>
    <message>
        <source>This document</source>
        <translation>هذا المستند</translation>
    </message>
    <message>
        <source>Selected documents</source>
        <translation>المستندات المحددة</translation>
    </message>
    <message>
        <source>Whole project</source>
        <translation>المشروع كله</translation>
    </message>
    <message>
        <source>Scope:</source>
        <translation>النطاق:</translation>
    </message>
    <message>
        <source>Gold as the reference</source>
        <translation>الطبقة الذهبية مرجعاً</translation>
    </message>
    <message>
        <source>Score every annotator against the gold layer</source>
        <translation>قياس كل موسِّم على الطبقة الذهبية</translation>
    </message>
    <message>
        <source>Compute</source>
        <translation>احسب</translation>
    </message>
    <message>
        <source>Label</source>
        <translation>الوسم</translation>
    </message>
    <message>
        <source>Spans</source>
        <translation>المقاطع</translation>
    </message>
    <message>
        <source>Exact F1</source>
        <translation>F1 المطابقة التامة</translation>
    </message>
    <message>
        <source>Overlap F1</source>
        <translation>F1 التداخل</translation>
    </message>
    <message>
        <source>Mean κ chars</source>
        <translation>متوسط κ (محارف)</translation>
    </message>
    <message>
        <source>α chars</source>
        <translation>α (محارف)</translation>
    </message>
    <message>
        <source>Mean κ tokens</source>
        <translation>متوسط κ (كلمات)</translation>
    </message>
    <message>
        <source>α tokens</source>
        <translation>α (كلمات)</translation>
    </message>
    <message>
        <source>Field</source>
        <translation>الحقل</translation>
    </message>
    <message>
        <source>Matched pairs</source>
        <translation>الأزواج المتطابقة</translation>
    </message>
    <message>
        <source>Compared</source>
        <translation>المقارَنة</translation>
    </message>
    <message>
        <source>Agreed</source>
        <translation>المتفق عليها</translation>
    </message>
    <message>
        <source>Proportion</source>
        <translation>النسبة</translation>
    </message>
    <message>
        <source>Exact P</source>
        <translation>P التامة</translation>
    </message>
    <message>
        <source>Exact R</source>
        <translation>R التامة</translation>
    </message>
    <message>
        <source>Overlap P</source>
        <translation>P التداخل</translation>
    </message>
    <message>
        <source>Overlap R</source>
        <translation>R التداخل</translation>
    </message>
    <message>
        <source>κ chars</source>
        <translation>κ (محارف)</translation>
    </message>
    <message>
        <source>κ tokens</source>
        <translation>κ (كلمات)</translation>
    </message>
    <message>
        <source>Document</source>
        <translation>المستند</translation>
    </message>
    <message>
        <source>Annotators</source>
        <translation>الموسِّمون</translation>
    </message>
    <message>
        <source>Per label</source>
        <translation>حسب الوسم</translation>
    </message>
    <message>
        <source>Attribution</source>
        <translation>الإسناد</translation>
    </message>
    <message>
        <source>Pairs</source>
        <translation>الأزواج</translation>
    </message>
    <message>
        <source>Documents</source>
        <translation>المستندات</translation>
    </message>
    <message>
        <source>Save as JSON…</source>
        <translation>حفظ بصيغة JSON…</translation>
    </message>
    <message>
        <source>Save as HTML…</source>
        <translation>حفظ بصيغة HTML…</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>إغلاق</translation>
    </message>
    <message>
        <source>Agreement: %1</source>
        <translation>الاتفاق: %1</translation>
    </message>
    <message>
        <source>Agreement: %1 selected documents</source>
        <translation>الاتفاق: %1 من المستندات المحددة</translation>
    </message>
    <message>
        <source>Agreement: project %1</source>
        <translation>الاتفاق: المشروع %1</translation>
    </message>
    <message>
        <source>Computing…</source>
        <translation>جارٍ الحساب…</translation>
    </message>
    <message>
        <source>Computing agreement…</source>
        <translation>جارٍ حساب الاتفاق…</translation>
    </message>
    <message>
        <source>Cancelled.</source>
        <translation>أُلغي.</translation>
    </message>
    <message>
        <source>Documents: %1 (annotated by two or more: %2). Annotators: %3. Figures that are not defined (nothing to compare) show as –.</source>
        <translation>المستندات: %1 (وسَمها اثنان أو أكثر: %2). الموسِّمون: %3. الأرقام غير المعرَّفة (لا شيء للمقارنة) تظهر –.</translation>
    </message>
    <message>
        <source>No document here was annotated by two annotators: there is nothing to compare.</source>
        <translation>لم يَسِم أي مستند هنا موسِّمان: لا شيء للمقارنة.</translation>
    </message>
    <message>
        <source>%1 (reference) / %2</source>
        <translation>%1 (المرجع) / %2</translation>
    </message>
    <message>
        <source>exact F1</source>
        <translation>F1 التامة</translation>
    </message>
    <message>
        <source>overlap F1</source>
        <translation>F1 التداخل</translation>
    </message>
    <message>
        <source>alpha (characters)</source>
        <translation>ألفا (محارف)</translation>
    </message>
    <message>
        <source>alpha (tokens)</source>
        <translation>ألفا (كلمات)</translation>
    </message>
    <message>
        <source>overall</source>
        <translation>الإجمالي</translation>
    </message>
    <message>
        <source>Save the report as JSON</source>
        <translation>حفظ التقرير بصيغة JSON</translation>
    </message>
    <message>
        <source>Save the report as an HTML page</source>
        <translation>حفظ التقرير صفحةَ HTML</translation>
    </message>
    <message>
        <source>Saved %1</source>
        <translation>حُفظ %1</translation>
    </message>
</context>
<context>
    <name>AliasesDialog</name>
    <message>
        <source>Aliases</source>
        <translation>الأسماء البديلة</translation>
    </message>
    <message>
        <source>another name, then Enter</source>
        <translation>اسم آخر ثم Enter</translation>
    </message>
    <message>
        <source>Add</source>
        <translation>إضافة</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>حذف</translation>
    </message>
    <message>
        <source>Other names of “%1” (each found by the speaker picker and when suggestions are accepted):</source>
        <translation>الأسماء البديلة لـ«%1» (يجدها منتقي المتحدث وقبول الاقتراحات):</translation>
    </message>
</context>
<context>
    <name>AnnotationController</name>
    <message>
        <source>Select some words first.</source>
        <translation>حدّد بعض الكلمات أولاً.</translation>
    </message>
    <message>
        <source>%1 added: %2</source>
        <translation>أُضيف %1: %2</translation>
    </message>
    <message>
        <source>linked: %1</source>
        <translation>رُبط: %1</translation>
    </message>
    <message>
        <source>not linked (already linked to another quote; L links it here): %1</source>
        <translation>لم يُربط (مربوط باقتباس آخر؛ L يربطه هنا): %1</translation>
    </message>
    <message>
        <source>no speaker, cue or date labelled in its sentence yet</source>
        <translation>لا متحدث ولا فعل قول ولا تاريخ موسوماً في جملته بعد</translation>
    </message>
    <message>
        <source>linked to the current %1 %2</source>
        <translation>رُبط بـ%1 الحالي %2</translation>
    </message>
    <message>
        <source>not linked: the current quote is in another sentence (L links it)</source>
        <translation>لم يُربط: الاقتباس الحالي في جملة أخرى (L يربطه)</translation>
    </message>
    <message>
        <source>not linked: the current record already has one (L replaces it)</source>
        <translation>لم يُربط: للسجل الحالي واحد بالفعل (L يستبدله)</translation>
    </message>
    <message>
        <source>not linked yet: the quote of its sentence takes it when you label it</source>
        <translation>لم يُربط بعد: يأخذه اقتباس جملته حين توسمه</translation>
    </message>
    <message>
        <source>new speaker “%1”</source>
        <translation>متحدث جديد «%1»</translation>
    </message>
    <message>
        <source>speaker: %1</source>
        <translation>المتحدث: %1</translation>
    </message>
    <message>
        <source>, </source>
        <translation>، </translation>
    </message>
    <message>
        <source>Select an annotation to delete (click it, or Alt+Down).</source>
        <translation>حدّد توسيماً لحذفه (انقر عليه، أو Alt+سهم لأسفل).</translation>
    </message>
    <message>
        <source>Deleted %1 %2 (Ctrl+Z brings it back).</source>
        <translation>حُذف %1 %2 (Ctrl+Z يعيده).</translation>
    </message>
    <message>
        <source>Select a speaker or cue to leave out its proclitic (و، ف، ب، ل، ك، ال).</source>
        <translation>حدّد متحدثاً أو فعل قول لحذف سابقته الملتصقة (و، ف، ب، ل، ك، ال).</translation>
    </message>
    <message>
        <source>No proclitic to leave out of %1.</source>
        <translation>لا سابقة ملتصقة تُحذف من %1.</translation>
    </message>
    <message>
        <source>%1 is now %2</source>
        <translation>صار %1: %2</translation>
    </message>
    <message>
        <source>Select an annotation to adjust its edges.</source>
        <translation>حدّد توسيماً لضبط حدوده.</translation>
    </message>
    <message>
        <source>Select a speaker, cue or date while a quote is current, then press L.</source>
        <translation>حدّد متحدثاً أو فعل قول أو تاريخاً والاقتباس حالي، ثم اضغط L.</translation>
    </message>
    <message>
        <source>Nothing to link: already linked, or this kind of mention does not belong to it.</source>
        <translation>لا شيء للربط: مربوط بالفعل، أو هذا النوع من الإشارات لا يتبعه.</translation>
    </message>
    <message>
        <source>Linked %1 %2 to the %3 %4</source>
        <translation>رُبط %1 %2 بـ%3 %4</translation>
    </message>
    <message>
        <source>(instead of %1)</source>
        <translation>(بدلاً من %1)</translation>
    </message>
    <message>
        <source>Select a speaker mention (S) first, or a quote that has one.</source>
        <translation>حدّد إشارة إلى متحدث (S) أولاً، أو اقتباساً له متحدث.</translation>
    </message>
    <message>
        <source>Select a quote to change its type.</source>
        <translation>حدّد اقتباساً لتغيير نوعه.</translation>
    </message>
    <message>
        <source>Quote type: %1</source>
        <translation>نوع الاقتباس: %1</translation>
    </message>
    <message>
        <source>Select a date (D) to give it a value.</source>
        <translation>حدّد تاريخاً (D) لتعطيه قيمة.</translation>
    </message>
    <message>
        <source>Document marked: %1</source>
        <translation>وُضعت علامة على المستند: %1</translation>
    </message>
    <message>
        <source>Select two or more speakers to merge them.</source>
        <translation>حدّد متحدثَين أو أكثر لدمجهم.</translation>
    </message>
    <message>
        <source>Merged %1 into “%2”.</source>
        <translation>دُمج %1 في «%2».</translation>
    </message>
    <message>
        <source>Renamed “%1” to “%2”.</source>
        <translation>أُعيدت تسمية «%1» إلى «%2».</translation>
    </message>
    <message>
        <source>The old name stays as an alias.</source>
        <translation>يبقى الاسم القديم اسماً بديلاً.</translation>
    </message>
    <message>
        <source>none</source>
        <translation>لا شيء</translation>
    </message>
    <message>
        <source>Aliases of “%1”: %2</source>
        <translation>الأسماء البديلة لـ«%1»: %2</translation>
    </message>
</context>
<context>
    <name>AnnotatorDialog</name>
    <message>
        <source>Who is annotating?</source>
        <translation>من يقوم بالتوسيم؟</translation>
    </message>
    <message>
        <source>your name or initials</source>
        <translation>اسمك أو الأحرف الأولى منه</translation>
    </message>
    <message>
        <source>Your name stamps every annotation you make and is shown in the title bar.</source>
        <translation>يُختم اسمك على كل توسيم تقوم به ويظهر في شريط العنوان.</translation>
    </message>
    <message>
        <source>Name:</source>
        <translation>الاسم:</translation>
    </message>
</context>
<context>
    <name>ClaimCommands</name>
    <message>
        <source>Select a claim (C on a selection) first.</source>
        <translation>حدّد ادعاءً أولاً (C على تحديد).</translation>
    </message>
    <message>
        <source>Fact-check URL: %1</source>
        <translation>رابط التحقق: %1</translation>
    </message>
    <message>
        <source>“%1” is not one of this project&apos;s verdicts</source>
        <translation>«%1» ليس من أحكام هذا المشروع</translation>
    </message>
    <message>
        <source>Check-worthiness: %1</source>
        <translation>الجدارة بالتحقق: %1</translation>
    </message>
    <message>
        <source>Verdict: %1</source>
        <translation>الحكم: %1</translation>
    </message>
    <message>
        <source>Fact-check</source>
        <translation>التحقق</translation>
    </message>
    <message>
        <source>URL of the published fact-check of “%1”:</source>
        <translation>رابط التحقق المنشور من «%1»:</translation>
    </message>
    <message>
        <source>Similar claim in the registry: “%1” (%2) — G to link</source>
        <translation>ادعاء مشابه في السجل: «%1» (%2) — اضغط G للربط</translation>
    </message>
    <message>
        <source>Linked to the claim “%1”</source>
        <translation>رُبط بالادعاء «%1»</translation>
    </message>
    <message>
        <source>New canonical claim “%1”</source>
        <translation>ادعاء موحّد جديد «%1»</translation>
    </message>
    <message>
        <source>Merged the claim “%1” into “%2”.</source>
        <translation>دُمج الادعاء «%1» في «%2».</translation>
    </message>
    <message>
        <source>Verdicts</source>
        <translation>الأحكام</translation>
    </message>
    <message>
        <source>The project&apos;s verdicts, one per line:</source>
        <translation>أحكام المشروع، حكم في كل سطر:</translation>
    </message>
    <message>
        <source>Verdicts: %1</source>
        <translation>الأحكام: %1</translation>
    </message>
</context>
<context>
    <name>ClaimFields</name>
    <message>
        <source>sources, reasoning</source>
        <translation>المصادر، التعليل</translation>
    </message>
    <message>
        <source>Link…</source>
        <translation>ربط…</translation>
    </message>
    <message>
        <source>Link to a canonical claim of the registry (G)</source>
        <translation>ربط بادعاء موحّد من السجل (G)</translation>
    </message>
    <message>
        <source>Check-worthy:</source>
        <translation>جدير بالتحقق:</translation>
    </message>
    <message>
        <source>Verdict:</source>
        <translation>الحكم:</translation>
    </message>
    <message>
        <source>Fact-check:</source>
        <translation>التحقق:</translation>
    </message>
    <message>
        <source>Note:</source>
        <translation>ملاحظة:</translation>
    </message>
    <message>
        <source>Registry:</source>
        <translation>السجل:</translation>
    </message>
    <message>
        <source>Similar:</source>
        <translation>مشابه:</translation>
    </message>
    <message>
        <source>not linked</source>
        <translation>غير مربوط</translation>
    </message>
    <message>
        <source>no verdict</source>
        <translation>بلا حكم</translation>
    </message>
    <message>
        <source>differs from this claim&apos;s verdict</source>
        <translation>يختلف عن حكم هذا الادعاء</translation>
    </message>
    <message>
        <source>%1 similar claim(s): choose one to link</source>
        <translation>%1 ادعاء مشابه: اختر واحداً للربط</translation>
    </message>
    <message>
        <source>none in the registry</source>
        <translation>لا شيء في السجل</translation>
    </message>
</context>
<context>
    <name>ClaimPicker</name>
    <message>
        <source>Link claim to the registry</source>
        <translation>ربط الادعاء بالسجل</translation>
    </message>
    <message>
        <source>type the claim&apos;s wording to search the registry</source>
        <translation>اكتب صياغة الادعاء للبحث في السجل</translation>
    </message>
    <message>
        <source>Which canonical claim does this claim state?
%1</source>
        <translation>أيّ ادعاء موحّد يقرّره هذا الادعاء؟
%1</translation>
    </message>
    <message>
        <source>%1  ·  %2  ·  similarity %3</source>
        <translation>%1  ·  %2  ·  التشابه %3</translation>
    </message>
    <message>
        <source>no verdict</source>
        <translation>بلا حكم</translation>
    </message>
    <message>
        <source>New canonical claim: “%1”</source>
        <translation>ادعاء موحّد جديد: «%1»</translation>
    </message>
    <message>
        <source>Unlink from “%1”</source>
        <translation>فكّ الربط عن «%1»</translation>
    </message>
</context>
<context>
    <name>ClaimsDock</name>
    <message>
        <source>Claims</source>
        <translation>الادعاءات</translation>
    </message>
    <message>
        <source>Find a claim by its wording…</source>
        <translation>ابحث عن ادعاء بصياغته…</translation>
    </message>
    <message>
        <source>Merge</source>
        <translation>دمج</translation>
    </message>
    <message>
        <source>Select two claims that say the same thing to merge them</source>
        <translation>حدّد ادعاءين يقولان الشيء نفسه لدمجهما</translation>
    </message>
    <message>
        <source>Link current claim</source>
        <translation>ربط الادعاء الحالي</translation>
    </message>
    <message>
        <source>Link the selected claim span to the claim selected here</source>
        <translation>ربط الادعاء المحدد في النص بالادعاء المحدد هنا</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>إزالة</translation>
    </message>
    <message>
        <source>Remove a claim no span links to</source>
        <translation>إزالة ادعاء لا يرتبط به أي وسم</translation>
    </message>
    <message>
        <source>Mentions (double-click to go there)</source>
        <translation>الإشارات (انقر مرتين للانتقال إليها)</translation>
    </message>
    <message>
        <source>%1 claims</source>
        <translation>%1 ادعاء</translation>
    </message>
</context>
<context>
    <name>ClaimsModel</name>
    <message>
        <source>Claim</source>
        <translation>الادعاء</translation>
    </message>
    <message>
        <source>Verdict</source>
        <translation>الحكم</translation>
    </message>
    <message>
        <source>Fact-check</source>
        <translation>التحقق</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>ملاحظة</translation>
    </message>
    <message>
        <source>Mentions</source>
        <translation>الإشارات</translation>
    </message>
    <message>
        <source>Here</source>
        <translation>هنا</translation>
    </message>
    <message>
        <source>Verdict from</source>
        <translation>مصدر الحكم</translation>
    </message>
    <message>
        <source>%1&apos;s claim in “%2”</source>
        <translation>ادعاء %1 في «%2»</translation>
    </message>
    <message>
        <source>set by %1 in the registry</source>
        <translation>عيّنه %1 في السجل</translation>
    </message>
</context>
<context>
    <name>DateValueDialog</name>
    <message>
        <source>Date value</source>
        <translation>قيمة التاريخ</translation>
    </message>
    <message>
        <source>Examples: %1 (XXXX: the year is unknown). Empty: no value.</source>
        <translation>أمثلة: %1 (XXXX: السنة مجهولة). فارغ: بلا قيمة.</translation>
    </message>
    <message>
        <source>Article date: %1 (words such as الجاري or أمس are read from it)</source>
        <translation>تاريخ المقال: %1 (منه تُقرأ كلمات مثل الجاري أو أمس)</translation>
    </message>
    <message>
        <source>The article has no date: relative dates get X&apos;s for what is unknown.</source>
        <translation>لا تاريخ للمقال: التواريخ النسبية تأخذ X مكان المجهول.</translation>
    </message>
    <message>
        <source>Value of “%1”:</source>
        <translation>قيمة «%1»:</translation>
    </message>
</context>
<context>
    <name>DatesDock</name>
    <message>
        <source>Dates</source>
        <translation>التواريخ</translation>
    </message>
</context>
<context>
    <name>DatesModel</name>
    <message>
        <source>Date</source>
        <translation>التاريخ</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>القيمة</translation>
    </message>
    <message>
        <source>Quotes dated</source>
        <translation>الاقتباسات المؤرَّخة به</translation>
    </message>
    <message>
        <source>(no value)</source>
        <translation>(بلا قيمة)</translation>
    </message>
    <message>
        <source>ISO-8601 / TIMEX3: %1 (XXXX: the year is unknown)</source>
        <translation>ISO-8601 / TIMEX3: %1 (XXXX: السنة مجهولة)</translation>
    </message>
</context>
<context>
    <name>DifferencesModel</name>
    <message>
        <source>Difference</source>
        <translation>الاختلاف</translation>
    </message>
    <message>
        <source>Label</source>
        <translation>الوسم</translation>
    </message>
    <message>
        <source>Gold</source>
        <translation>الذهبية</translation>
    </message>
    <message>
        <source>Text</source>
        <translation>النص</translation>
    </message>
    <message>
        <source>Press %1 to accept %2&apos;s version</source>
        <translation>اضغط %1 لقبول نسخة %2</translation>
    </message>
    <message>
        <source>only %1</source>
        <translation>عند %1 فقط</translation>
    </message>
    <message>
        <source>label</source>
        <translation>الوسم</translation>
    </message>
    <message>
        <source>boundaries</source>
        <translation>الحدود</translation>
    </message>
    <message>
        <source>without %1</source>
        <translation>ليس عند %1</translation>
    </message>
</context>
<context>
    <name>DocumentSearch</name>
    <message>
        <source>&amp;Search in the documents…</source>
        <translation>ال&amp;بحث في المستندات…</translation>
    </message>
    <message>
        <source>Find words in every document of the project; each place listed with its context, a click to go there</source>
        <translation>البحث عن كلمات في كل مستندات المشروع؛ يُعرض كل موضع مع سياقه، وبنقرة تنتقل إليه</translation>
    </message>
</context>
<context>
    <name>DocumentsDock</name>
    <message>
        <source>Documents</source>
        <translation>المستندات</translation>
    </message>
    <message>
        <source>Filter by title, or search the text…</source>
        <translation>صفِّ حسب العنوان، أو ابحث في النص…</translation>
    </message>
</context>
<context>
    <name>DocumentsModel</name>
    <message>
        <source>Document</source>
        <translation>المستند</translation>
    </message>
    <message>
        <source>Review</source>
        <translation>المراجعة</translation>
    </message>
    <message>
        <source>%1 annotations</source>
        <translation>%1 توسيماً</translation>
    </message>
    <message>
        <source>Review (gold layer): %1</source>
        <translation>المراجعة (الطبقة الذهبية): %1</translation>
    </message>
</context>
<context>
    <name>ExportDialog</name>
    <message>
        <source>Export</source>
        <translation>تصدير</translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation>استعراض…</translation>
    </message>
    <message>
        <source>All annotators</source>
        <translation>كل الموسِّمين</translation>
    </message>
    <message>
        <source>Leave out documents nobody has annotated</source>
        <translation>استبعاد المستندات التي لم يوسمها أحد</translation>
    </message>
    <message>
        <source>File:</source>
        <translation>الملف:</translation>
    </message>
    <message>
        <source>Format:</source>
        <translation>الصيغة:</translation>
    </message>
    <message>
        <source>Annotator:</source>
        <translation>الموسِّم:</translation>
    </message>
    <message>
        <source>Only status:</source>
        <translation>الحالة فقط:</translation>
    </message>
    <message>
        <source>Label mapping:</source>
        <translation>مطابقة الوسوم:</translation>
    </message>
    <message>
        <source>Export into the folder</source>
        <translation>التصدير إلى المجلد</translation>
    </message>
    <message>
        <source>Export to</source>
        <translation>التصدير إلى</translation>
    </message>
</context>
<context>
    <name>FailureNotice</name>
    <message>
        <source>(%1 failures since this box opened)</source>
        <translation>(%1 إخفاقات منذ فتح هذه النافذة)</translation>
    </message>
</context>
<context>
    <name>FileDialog</name>
    <message>
        <source>Folder</source>
        <translation>مجلد</translation>
    </message>
    <message>
        <source>%1 file</source>
        <translation>ملف %1</translation>
    </message>
    <message>
        <source>File</source>
        <translation>ملف</translation>
    </message>
</context>
<context>
    <name>Find</name>
    <message>
        <source>&amp;Find in the article…</source>
        <translation>ب&amp;حث في المقال…</translation>
    </message>
    <message>
        <source>Find words in the article: every match highlighted, Arabic-aware on request</source>
        <translation>البحث عن كلمات في المقال: تُظلَّل كل المطابقات، مع مراعاة العربية عند الطلب</translation>
    </message>
    <message>
        <source>Find &amp;next</source>
        <translation>المطابقة ال&amp;تالية</translation>
    </message>
    <message>
        <source>Find pre&amp;vious</source>
        <translation>المطابقة ال&amp;سابقة</translation>
    </message>
</context>
<context>
    <name>FindBar</name>
    <message>
        <source>Find in the article…</source>
        <translation>ابحث في المقال…</translation>
    </message>
    <message>
        <source>Previous match (Shift+Enter, Shift+F3)</source>
        <translation>المطابقة السابقة (Shift+Enter، Shift+F3)</translation>
    </message>
    <message>
        <source>Next match (Enter, F3)</source>
        <translation>المطابقة التالية (Enter، F3)</translation>
    </message>
    <message>
        <source>Ignore harakat</source>
        <translation>تجاهل الحركات</translation>
    </message>
    <message>
        <source>Harakat (tashkeel), tatweel and invisible marks do not count: أكّد and أكـد match أكد</source>
        <translation>لا تُحسب الحركات (التشكيل) والتطويل والعلامات الخفية: أكّد وأكـد تطابقان أكد</translation>
    </message>
    <message>
        <source>Letter variants</source>
        <translation>صور الحروف</translation>
    </message>
    <message>
        <source>أ إ آ match ا, ى matches ي, ة matches ه, ٢٠١٥ matches 2015</source>
        <translation>أ إ آ تطابق ا، وى تطابق ي، وة تطابق ه، و٢٠١٥ تطابق 2015</translation>
    </message>
    <message>
        <source>Ignore case</source>
        <translation>تجاهل حالة الأحرف</translation>
    </message>
    <message>
        <source>Latin letters match whatever their case</source>
        <translation>تتطابق الحروف اللاتينية أياً كانت حالتها</translation>
    </message>
    <message>
        <source>Close (Esc)</source>
        <translation>إغلاق (Esc)</translation>
    </message>
    <message>
        <source>No match</source>
        <translation>لا مطابقة</translation>
    </message>
    <message>
        <source>%1 of %2</source>
        <translation>%1 من %2</translation>
    </message>
</context>
<context>
    <name>GuidelineEditor</name>
    <message>
        <source>One rule a line</source>
        <translation>قاعدة في كل سطر</translation>
    </message>
    <message>
        <source>Mark the span with [square brackets]</source>
        <translation>ضع الوسم بين [قوسين معقوفين]</translation>
    </message>
    <message>
        <source>Meaning</source>
        <translation>المعنى</translation>
    </message>
    <message>
        <source>Include</source>
        <translation>يشمل</translation>
    </message>
    <message>
        <source>Leave out</source>
        <translation>لا يشمل</translation>
    </message>
    <message>
        <source>Example</source>
        <translation>مثال</translation>
    </message>
    <message>
        <source>Saved in the project&apos;s label schema: everyone who opens this project sees it, and it is exported with the schema. In a team project, the lead&apos;s guidelines are the team&apos;s.</source>
        <translation>يُحفظ في مخطط الوسوم للمشروع: يراه كل من يفتح هذا المشروع، ويُصدَّر مع المخطط. وفي مشروع الفريق تكون إرشادات قائد الفريق هي إرشادات الفريق.</translation>
    </message>
    <message>
        <source>Guideline: %1</source>
        <translation>الإرشاد: %1</translation>
    </message>
    <message>
        <source>This window cannot change the project&apos;s schema.</source>
        <translation>لا تستطيع هذه النافذة تغيير مخطط المشروع.</translation>
    </message>
    <message>
        <source>Guideline saved: %1</source>
        <translation>حُفظ الإرشاد: %1</translation>
    </message>
    <message>
        <source>Restore default</source>
        <translation>استعادة الافتراضي</translation>
    </message>
    <message>
        <source>Replace this guideline, in every language, with the one Qawl ships?</source>
        <translation>استبدال هذا الإرشاد، بكل اللغات، بالإرشاد الذي يأتي مع قول؟</translation>
    </message>
    <message>
        <source>Default guideline restored: %1</source>
        <translation>استُعيد الإرشاد الافتراضي: %1</translation>
    </message>
</context>
<context>
    <name>Guidelines</name>
    <message>
        <source>Example: %1</source>
        <translation>مثال: %1</translation>
    </message>
    <message>
        <source>No guideline for this label yet: Edit… writes one.</source>
        <translation>لا إرشاد لهذا الوسم بعد: «تحرير…» يكتب إرشاداً.</translation>
    </message>
    <message>
        <source>Not written in this language yet; shown in %1.</source>
        <translation>لم يُكتب بهذه اللغة بعد؛ معروض بـ%1.</translation>
    </message>
    <message>
        <source>Include</source>
        <translation>يشمل</translation>
    </message>
    <message>
        <source>Leave out</source>
        <translation>لا يشمل</translation>
    </message>
    <message>
        <source>Example</source>
        <translation>مثال</translation>
    </message>
    <message>
        <source>Guidelines</source>
        <translation>الإرشادات</translation>
    </message>
</context>
<context>
    <name>GuidelinesDock</name>
    <message>
        <source>Edit…</source>
        <translation>تحرير…</translation>
    </message>
    <message>
        <source>Change this label&apos;s guideline (English and Arabic) for the whole project</source>
        <translation>تغيير إرشاد هذا الوسم (بالإنجليزية والعربية) للمشروع كله</translation>
    </message>
</context>
<context>
    <name>Help</name>
    <message>
        <source>&amp;Report a problem…</source>
        <translation>الإ&amp;بلاغ عن مشكلة…</translation>
    </message>
    <message>
        <source>&amp;About Qawl</source>
        <translation>&amp;عن قول</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>م&amp;ساعدة</translation>
    </message>
    <message>
        <source>Labelling &amp;guidelines</source>
        <translation>إرشادات ال&amp;توسيم</translation>
    </message>
</context>
<context>
    <name>ImportDialog</name>
    <message>
        <source>Import</source>
        <translation>استيراد</translation>
    </message>
    <message>
        <source>Import teammates&apos; annotations</source>
        <translation>استيراد توسيمات الزملاء</translation>
    </message>
    <message>
        <source>Add files…</source>
        <translation>إضافة ملفات…</translation>
    </message>
    <message>
        <source>Add folder…</source>
        <translation>إضافة مجلد…</translation>
    </message>
    <message>
        <source>Replace an annotator&apos;s existing annotations when the file has different ones</source>
        <translation>استبدال توسيمات الموسِّم الموجودة إن كان في الملف توسيمات مختلفة</translation>
    </message>
    <message>
        <source>Teammates&apos; files: skip each document that has a problem (wholly) and import the rest</source>
        <translation>ملفات الزملاء: تخطَّ كل مستند فيه مشكلة (بأكمله) واستورد الباقي</translation>
    </message>
    <message>
        <source>Add the file&apos;s own labels to the project&apos;s schema</source>
        <translation>أضف وسوم الملف الخاصة إلى مخطط المشروع</translation>
    </message>
    <message>
        <source>proven from the file</source>
        <translation>مُستنتَجة من الملف</translation>
    </message>
    <message>
        <source>code points</source>
        <translation>نقاط الترميز</translation>
    </message>
    <message>
        <source>UTF-16 code units</source>
        <translation>وحدات UTF-16</translation>
    </message>
    <message>
        <source>grapheme clusters</source>
        <translation>العناقيد الحرفية</translation>
    </message>
    <message>
        <source>Label mapping:</source>
        <translation>مطابقة الوسوم:</translation>
    </message>
    <message>
        <source>Offsets count:</source>
        <translation>تَعُدّ المواضعُ:</translation>
    </message>
    <message>
        <source>All or nothing: any problem is reported with file, line and field, and nothing is imported.</source>
        <translation>الكل أو لا شيء: يُبلَّغ عن أي مشكلة بالملف والسطر والحقل، ولا يُستورد شيء.</translation>
    </message>
    <message>
        <source>Import files</source>
        <translation>استيراد ملفات</translation>
    </message>
    <message>
        <source>Import a folder</source>
        <translation>استيراد مجلد</translation>
    </message>
</context>
<context>
    <name>KeySheet</name>
    <message>
        <source>Keys</source>
        <translation>المفاتيح</translation>
    </message>
    <message>
        <source>Search commands and keys…</source>
        <translation>البحث في الأوامر والمفاتيح…</translation>
    </message>
    <message>
        <source>Also commands without a key</source>
        <translation>والأوامر التي بلا مفتاح أيضاً</translation>
    </message>
    <message>
        <source>Key</source>
        <translation>المفتاح</translation>
    </message>
    <message>
        <source>Command</source>
        <translation>الأمر</translation>
    </message>
    <message>
        <source>Single-letter keys act on the selected annotation or the current quote; the keys of review mode act only in review mode.</source>
        <translation>تعمل مفاتيح الحرف الواحد على التوسيم المحدد أو الاقتباس الحالي؛ ومفاتيح وضع المراجعة لا تعمل إلا فيه.</translation>
    </message>
    <message>
        <source>Change keys…</source>
        <translation>تغيير المفاتيح…</translation>
    </message>
</context>
<context>
    <name>Keys</name>
    <message>
        <source>In the find bar: next / previous match</source>
        <translation>في شريط البحث: التطابق التالي / السابق</translation>
    </message>
    <message>
        <source>Close the find bar (the match stays selected)</source>
        <translation>إغلاق شريط البحث (يبقى التطابق محدداً)</translation>
    </message>
    <message>
        <source>In the verdict menu: the verdict of that number / none</source>
        <translation>في قائمة الأحكام: الحكم ذو ذلك الرقم / بلا حكم</translation>
    </message>
    <message>
        <source>Reject the selected suggestion</source>
        <translation>رفض الاقتراح المحدد</translation>
    </message>
    <message>
        <source>Select exact characters, not whole words</source>
        <translation>تحديد الحروف بدقة لا الكلمات كاملة</translation>
    </message>
    <message>
        <source>Select one word, without the marks glued to it</source>
        <translation>تحديد كلمة واحدة دون العلامات الملتصقة بها</translation>
    </message>
    <message>
        <source>Other keys</source>
        <translation>مفاتيح أخرى</translation>
    </message>
</context>
<context>
    <name>KeysDialog</name>
    <message>
        <source>Keys</source>
        <translation>المفاتيح</translation>
    </message>
    <message>
        <source>Command</source>
        <translation>الأمر</translation>
    </message>
    <message>
        <source>Key</source>
        <translation>المفتاح</translation>
    </message>
    <message>
        <source>“%1” is used twice: %2 and %3</source>
        <translation>«%1» مستخدم مرتين: %2 و%3</translation>
    </message>
</context>
<context>
    <name>Main</name>
    <message>
        <source>Something went wrong: %1</source>
        <translation>حدث خطأ غير متوقع: %1</translation>
    </message>
    <message>
        <source>The details were written to the log: %1</source>
        <translation>كُتبت التفاصيل في السجل: %1</translation>
    </message>
    <message>
        <source>The log could not be written.</source>
        <translation>تعذّرت الكتابة في السجل.</translation>
    </message>
    <message>
        <source>Help ▸ Report a problem says what to send.</source>
        <translation>يبيّن «مساعدة ◂ الإبلاغ عن مشكلة» ما يجب إرساله.</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Undo history</source>
        <translation>سجل التراجع</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;ملف</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>&amp;تحرير</translation>
    </message>
    <message>
        <source>&amp;Label selection</source>
        <translation>&amp;وسم التحديد</translation>
    </message>
    <message>
        <source>C&amp;laim</source>
        <translation>ا&amp;دعاء</translation>
    </message>
    <message>
        <source>Verdicts…</source>
        <translation>الأحكام…</translation>
    </message>
    <message>
        <source>Adjust &amp;edges</source>
        <translation>ضبط ال&amp;حدود</translation>
    </message>
    <message>
        <source>&amp;Document</source>
        <translation>م&amp;ستند</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;عرض</translation>
    </message>
    <message>
        <source>No more documents in the list.</source>
        <translation>لا مزيد من المستندات في القائمة.</translation>
    </message>
    <message>
        <source>No mention of this speaker in your annotations.</source>
        <translation>لا إشارة إلى هذا المتحدث في توسيماتك.</translation>
    </message>
    <message>
        <source>%1&apos;s mention of the claim</source>
        <translation>إشارة %1 إلى الادعاء</translation>
    </message>
    <message>
        <source>Undone: %1</source>
        <translation>تم التراجع: %1</translation>
    </message>
    <message>
        <source>Redone: %1</source>
        <translation>تمت الإعادة: %1</translation>
    </message>
    <message>
        <source>Updated with changes made elsewhere (a qawl command, another window).</source>
        <translation>حُدِّث العرض بتغييرات أُجريت في مكان آخر (أمر qawl، أو نافذة أخرى).</translation>
    </message>
    <message>
        <source>Saved: %1</source>
        <translation>حُفظ: %1</translation>
    </message>
    <message>
        <source>Selected %1–%2 (%3 characters): </source>
        <translation>المحدد %1–%2 (%3 حرفاً): </translation>
    </message>
    <message>
        <source>no words to label</source>
        <translation>لا كلمات للوسم</translation>
    </message>
    <message>
        <source>a label takes %1–%2: %3</source>
        <translation>الوسم يأخذ %1–%2: %3</translation>
    </message>
    <message>
        <source>No document open. Import articles with File ▸ Import.</source>
        <translation>لا مستند مفتوح. استورد مقالات من ملف ◂ استيراد.</translation>
    </message>
    <message>
        <source>right-to-left</source>
        <translation>من اليمين إلى اليسار</translation>
    </message>
    <message>
        <source>left-to-right</source>
        <translation>من اليسار إلى اليمين</translation>
    </message>
    <message>
        <source>%1 annotations</source>
        <translation>%1 توسيماً</translation>
    </message>
    <message>
        <source>%1 of %2 done · %3 in progress · annotator: %4</source>
        <translation>أُنجز %1 من %2 · %3 قيد العمل · الموسِّم: %4</translation>
    </message>
    <message>
        <source>Select words, then press a key: %1</source>
        <translation>حدّد كلمات، ثم اضغط مفتاحاً: %1</translation>
    </message>
    <message>
        <source>Article font</source>
        <translation>خط المقال</translation>
    </message>
    <message>
        <source>Importing…</source>
        <translation>جارٍ الاستيراد…</translation>
    </message>
    <message>
        <source>Imported: %1</source>
        <translation>تم الاستيراد: %1</translation>
    </message>
    <message>
        <source>skipped: %1</source>
        <translation>تُخطّي: %1</translation>
    </message>
    <message>
        <source>%1 skipped, each for the reason in the details.</source>
        <translation>تُخطّي %1، ولكلٍّ سببه في التفاصيل.</translation>
    </message>
    <message>
        <source>Nothing was skipped.</source>
        <translation>لم يُتخطَّ شيء.</translation>
    </message>
    <message>
        <source>Exporting…</source>
        <translation>جارٍ التصدير…</translation>
    </message>
    <message>
        <source>Wrote %1 file(s) to %2</source>
        <translation>كُتب %1 ملف في %2</translation>
    </message>
    <message>
        <source>Cancelled; nothing was changed.</source>
        <translation>أُلغي؛ لم يتغير شيء.</translation>
    </message>
    <message>
        <source>Interface language: %1</source>
        <translation>لغة الواجهة: %1</translation>
    </message>
</context>
<context>
    <name>MentionsModel</name>
    <message>
        <source>Document</source>
        <translation>المستند</translation>
    </message>
    <message>
        <source>Annotator</source>
        <translation>الموسِّم</translation>
    </message>
    <message>
        <source>Mention</source>
        <translation>الإشارة</translation>
    </message>
    <message>
        <source>Verdict</source>
        <translation>الحكم</translation>
    </message>
    <message>
        <source>This mention&apos;s verdict differs from the claim&apos;s (%1)</source>
        <translation>حكم هذه الإشارة يختلف عن حكم الادعاء (%1)</translation>
    </message>
</context>
<context>
    <name>MergeClaimsDialog</name>
    <message>
        <source>Merge claims</source>
        <translation>دمج الادعاءات</translation>
    </message>
    <message>
        <source>Keep which wording? The other claim&apos;s mentions will link to it.</source>
        <translation>أيّ صياغة تُبقي؟ ستُربط إشارات الادعاء الآخر بها.</translation>
    </message>
</context>
<context>
    <name>MergeDialog</name>
    <message>
        <source>Merge speakers</source>
        <translation>دمج المتحدثين</translation>
    </message>
    <message>
        <source>Keep which name? All mentions of the other speakers will point to it, and their names become its aliases.</source>
        <translation>أي اسم يبقى؟ ستشير إليه كل إشارات المتحدثين الآخرين، وتصبح أسماؤهم أسماءه البديلة.</translation>
    </message>
</context>
<context>
    <name>Names</name>
    <message>
        <source>Quote</source>
        <translation>اقتباس</translation>
    </message>
    <message>
        <source>Claim</source>
        <translation>ادعاء</translation>
    </message>
    <message>
        <source>Speaker</source>
        <translation>متحدث</translation>
    </message>
    <message>
        <source>Cue</source>
        <translation>فعل قول</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>تاريخ</translation>
    </message>
    <message>
        <source>To do</source>
        <translation>للإنجاز</translation>
    </message>
    <message>
        <source>In progress</source>
        <translation>قيد العمل</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>منجز</translation>
    </message>
    <message>
        <source>direct</source>
        <translation>مباشر</translation>
    </message>
    <message>
        <source>indirect</source>
        <translation>غير مباشر</translation>
    </message>
    <message>
        <source>mixed</source>
        <translation>مختلط</translation>
    </message>
    <message>
        <source>true</source>
        <translation>صحيح</translation>
    </message>
    <message>
        <source>mostly true</source>
        <translation>صحيح في معظمه</translation>
    </message>
    <message>
        <source>misleading</source>
        <translation>مضلِّل</translation>
    </message>
    <message>
        <source>false</source>
        <translation>زائف</translation>
    </message>
    <message>
        <source>unverifiable</source>
        <translation>لا يمكن التحقق منه</translation>
    </message>
    <message>
        <source>not checked</source>
        <translation>لم يُتحقَّق منه</translation>
    </message>
    <message>
        <source>check-worthy</source>
        <translation>جدير بالتحقق</translation>
    </message>
    <message>
        <source>not check-worthy</source>
        <translation>غير جدير بالتحقق</translation>
    </message>
    <message>
        <source>check-worthy?</source>
        <translation>جدير بالتحقق؟</translation>
    </message>
    <message>
        <source>speaker</source>
        <extracomment>The bidi controls: they change how text around them is ordered, so the article view marks every one.</extracomment>
        <translation>المتحدث</translation>
    </message>
    <message>
        <source>cue</source>
        <translation>فعل القول</translation>
    </message>
    <message>
        <source>date</source>
        <translation>التاريخ</translation>
    </message>
    <message>
        <source>“%1” is not a date value: use %2</source>
        <translation>«%1» ليست قيمة تاريخ: استخدم %2</translation>
    </message>
    <message>
        <source>Accept %1 suggestions</source>
        <translation>قبول %1 اقتراحات</translation>
    </message>
    <message>
        <source>Accept suggested %1 “%2”</source>
        <translation>قبول %1 مقترح «%2»</translation>
    </message>
    <message>
        <source>Reject suggested %1 “%2”</source>
        <translation>رفض %1 مقترح «%2»</translation>
    </message>
    <message>
        <source>Merge speaker %1</source>
        <translation>دمج المتحدث %1</translation>
    </message>
    <message>
        <source>New speaker %1</source>
        <translation>متحدث جديد %1</translation>
    </message>
    <message>
        <source>Add %1 “%2”</source>
        <translation>إضافة %1 «%2»</translation>
    </message>
    <message>
        <source>Remove %1 “%2”</source>
        <translation>حذف %1 «%2»</translation>
    </message>
    <message>
        <source>Relabel %1 → %2</source>
        <translation>إعادة وسم %1 ← %2</translation>
    </message>
    <message>
        <source>Resize %1 to “%2”</source>
        <translation>تعديل حدود %1 إلى «%2»</translation>
    </message>
    <message>
        <source>Edit %1 “%2”</source>
        <translation>تحرير %1 «%2»</translation>
    </message>
    <message>
        <source>Link %1</source>
        <translation>ربط %1</translation>
    </message>
    <message>
        <source>Unlink %1</source>
        <translation>فك ربط %1</translation>
    </message>
    <message>
        <source>Mark %1</source>
        <translation>وضع علامة: %1</translation>
    </message>
    <message>
        <source>Rename speaker %1 → %2</source>
        <translation>إعادة تسمية المتحدث %1 ← %2</translation>
    </message>
    <message>
        <source>Edit speaker %1</source>
        <translation>تحرير المتحدث %1</translation>
    </message>
    <message>
        <source>Add speaker %1</source>
        <translation>إضافة المتحدث %1</translation>
    </message>
    <message>
        <source>Remove speaker %1</source>
        <translation>حذف المتحدث %1</translation>
    </message>
    <message>
        <source>Note on the document</source>
        <translation>ملاحظة على المستند</translation>
    </message>
    <message>
        <source>Note on %1 “%2”</source>
        <translation>ملاحظة على %1 «%2»</translation>
    </message>
    <message>
        <source>Merge claim “%1”</source>
        <translation>دمج الادعاء «%1»</translation>
    </message>
    <message>
        <source>New claim “%1”</source>
        <translation>ادعاء جديد «%1»</translation>
    </message>
    <message>
        <source>Remove claim “%1”</source>
        <translation>إزالة الادعاء «%1»</translation>
    </message>
    <message>
        <source>Link claim</source>
        <translation>ربط الادعاء</translation>
    </message>
    <message>
        <source>Unlink claim</source>
        <translation>فكّ ربط الادعاء</translation>
    </message>
    <message>
        <source>Verdict: %1</source>
        <translation>الحكم: %1</translation>
    </message>
    <message>
        <source>Check-worthiness: %1</source>
        <translation>الجدارة بالتحقق: %1</translation>
    </message>
    <message>
        <source>Fact-check link</source>
        <translation>رابط التحقق</translation>
    </message>
    <message>
        <source>Claim note</source>
        <translation>ملاحظة الادعاء</translation>
    </message>
    <message>
        <source>Claim verdict: %1</source>
        <translation>حكم الادعاء: %1</translation>
    </message>
    <message>
        <source>Edit claim “%1”</source>
        <translation>تحرير الادعاء «%1»</translation>
    </message>
    <message>
        <source>Gold: accept %1 annotations</source>
        <translation>الذهبية: قبول %1 توسيماً</translation>
    </message>
    <message>
        <source>Gold: accept edited %1 “%2”</source>
        <translation>الذهبية: قبول %1 معدَّل «%2»</translation>
    </message>
    <message>
        <source>Gold: accept %3&apos;s %1 “%2”</source>
        <translation>الذهبية: قبول %1 من %3 «%2»</translation>
    </message>
    <message>
        <source>Gold: reject %1 “%2”</source>
        <translation>الذهبية: رفض %1 «%2»</translation>
    </message>
    <message>
        <source>Review: mark %1</source>
        <translation>المراجعة: وضع علامة %1</translation>
    </message>
</context>
<context>
    <name>NoteDialog</name>
    <message>
        <source>Note</source>
        <translation>ملاحظة</translation>
    </message>
    <message>
        <source>What should the team know about this? (sources, doubts, a question)</source>
        <translation>ما الذي ينبغي أن يعرفه الفريق عن هذا؟ (مصادر، شكوك، سؤال)</translation>
    </message>
    <message>
        <source>Needs discussion</source>
        <translation>يحتاج إلى نقاش</translation>
    </message>
</context>
<context>
    <name>Notes</name>
    <message>
        <source>&amp;Note…</source>
        <translation>&amp;ملاحظة…</translation>
    </message>
    <message>
        <source>Write a note on the selected annotation (or on the document when none is selected)</source>
        <translation>كتابة ملاحظة على التوسيم المحدد (أو على المستند حين لا يكون شيء محدداً)</translation>
    </message>
    <message>
        <source>Needs &amp;discussion</source>
        <translation>يحتاج إلى &amp;نقاش</translation>
    </message>
    <message>
        <source>Flag the selected annotation (or the document) as needing discussion, or lower the flag</source>
        <translation>وضع علامة «يحتاج إلى نقاش» على التوسيم المحدد (أو على المستند)، أو إزالتها</translation>
    </message>
    <message>
        <source>Note on the &amp;document…</source>
        <translation>ملاحظة على الم&amp;ستند…</translation>
    </message>
    <message>
        <source>Your note on this document and its needs-discussion flag</source>
        <translation>ملاحظتك على هذا المستند وعلامة «يحتاج إلى نقاش»</translation>
    </message>
    <message>
        <source>Note on %1 “%2”</source>
        <translation>ملاحظة على %1 «%2»</translation>
    </message>
    <message>
        <source>Your note on the document “%1”</source>
        <translation>ملاحظتك على المستند «%1»</translation>
    </message>
    <message>
        <source>the document</source>
        <translation>المستند</translation>
    </message>
    <message>
        <source>%1 needs discussion</source>
        <translation>%1 يحتاج إلى نقاش</translation>
    </message>
    <message>
        <source>%1: discussion flag lowered</source>
        <translation>%1: أُزيلت علامة النقاش</translation>
    </message>
</context>
<context>
    <name>NotesDock</name>
    <message>
        <source>Notes</source>
        <translation>الملاحظات</translation>
    </message>
    <message>
        <source>Filter notes by their words or the annotated text…</source>
        <translation>تصفية الملاحظات بكلماتها أو بالنص الموسوم…</translation>
    </message>
    <message>
        <source>This document</source>
        <translation>هذا المستند</translation>
    </message>
    <message>
        <source>Whole project</source>
        <translation>المشروع كله</translation>
    </message>
    <message>
        <source>Needs discussion only</source>
        <translation>ما يحتاج إلى نقاش فقط</translation>
    </message>
    <message>
        <source>Note on the document…</source>
        <translation>ملاحظة على المستند…</translation>
    </message>
    <message>
        <source>Edit note…</source>
        <translation>تحرير الملاحظة…</translation>
    </message>
    <message>
        <source>Edit the selected note (your own notes only)</source>
        <translation>تحرير الملاحظة المحددة (ملاحظاتك أنت فقط)</translation>
    </message>
    <message>
        <source>No note of yours on this document.</source>
        <translation>لا ملاحظة لك على هذا المستند.</translation>
    </message>
</context>
<context>
    <name>NotesModel</name>
    <message>
        <source>Document</source>
        <translation>المستند</translation>
    </message>
    <message>
        <source>Annotator</source>
        <translation>الموسِّم</translation>
    </message>
    <message>
        <source>On</source>
        <translation>على</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>ملاحظة</translation>
    </message>
    <message>
        <source>(the document)</source>
        <translation>(المستند)</translation>
    </message>
    <message>
        <source>Needs discussion</source>
        <translation>يحتاج إلى نقاش</translation>
    </message>
</context>
<context>
    <name>Overview</name>
    <message>
        <source>Project &amp;overview…</source>
        <translation>&amp;نظرة عامة على المشروع…</translation>
    </message>
    <message>
        <source>Documents per annotator and status, annotations per label, suggestions, review, notes: the figures of qawl stats, as charts</source>
        <translation>المستندات حسب الموسِّم والحالة، والتوسيمات حسب الوسم، والاقتراحات، والمراجعة، والملاحظات: أرقام qawl stats في رسوم بيانية</translation>
    </message>
</context>
<context>
    <name>OverviewDialog</name>
    <message>
        <source>Project overview</source>
        <translation>نظرة عامة على المشروع</translation>
    </message>
    <message>
        <source>Nobody has annotated a document yet.</source>
        <translation>لم يوسم أحد أي مستند بعد.</translation>
    </message>
    <message>
        <source>No annotations yet.</source>
        <translation>لا توسيمات بعد.</translation>
    </message>
    <message>
        <source>Show the notes that need discussion</source>
        <translation>عرض الملاحظات التي تحتاج إلى نقاش</translation>
    </message>
    <message>
        <source>Documents per annotator, and the review</source>
        <translation>المستندات حسب الموسِّم، والمراجعة</translation>
    </message>
    <message>
        <source>Annotations per annotator and label</source>
        <translation>التوسيمات حسب الموسِّم والوسم</translation>
    </message>
    <message>
        <source>Suggestions</source>
        <translation>الاقتراحات</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>الملاحظات</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>تحديث</translation>
    </message>
    <message>
        <source>%1 documents · %2 annotators · %3 annotations · %4 speakers</source>
        <translation>%1 مستنداً · %2 موسِّمين · %3 توسيماً · %4 متحدثاً</translation>
    </message>
    <message>
        <source>Review (gold)</source>
        <translation>المراجعة (الذهبية)</translation>
    </message>
    <message>
        <source>%1 suggested; %2 not decided by anyone yet.</source>
        <translation>اقتُرح %1؛ %2 لم يبتّ فيها أحد بعد.</translation>
    </message>
    <message>
        <source>accepted</source>
        <translation>مقبولة</translation>
    </message>
    <message>
        <source>rejected</source>
        <translation>مرفوضة</translation>
    </message>
    <message>
        <source>%1 notes on documents, %2 on annotations; %3 need discussion.</source>
        <translation>%1 ملاحظة على المستندات، و%2 على التوسيمات؛ %3 تحتاج إلى نقاش.</translation>
    </message>
</context>
<context>
    <name>ProblemDialog</name>
    <message>
        <source>Report a problem</source>
        <translation>الإبلاغ عن مشكلة</translation>
    </message>
    <message>
        <source>Qawl writes every unexpected error, with the details a developer needs, to its log file:</source>
        <translation>يكتب قول كل خطأ غير متوقع، مع التفاصيل التي يحتاجها المطوّر، في ملف السجل:</translation>
    </message>
    <message>
        <source>In that folder now (the newest first): %1</source>
        <translation>في ذلك المجلد الآن (الأحدث أولاً): %1</translation>
    </message>
    <message>
        <source>Nothing has been written to it yet.</source>
        <translation>لم يُكتب فيه شيء بعد.</translation>
    </message>
    <message>
        <source>&lt;p&gt;Please send:&lt;/p&gt;&lt;ol&gt;&lt;li&gt;the log file &lt;b&gt;qawl.log&lt;/b&gt; (and &lt;b&gt;qawl.log.1&lt;/b&gt; if the problem happened a while ago);&lt;/li&gt;&lt;li&gt;the versions (the button below copies them);&lt;/li&gt;&lt;li&gt;what you did, step by step, what you expected and what happened instead;&lt;/li&gt;&lt;li&gt;a screenshot when the problem is in what the window shows;&lt;/li&gt;&lt;li&gt;when it concerns one article and you may share it: that document exported (File ▸ Export, Qawl JSONL).&lt;/li&gt;&lt;/ol&gt;&lt;p&gt;The log is a plain text file: read it before you send it. Send all this to whoever looks after Qawl for your team, or attach it to an issue in Qawl&apos;s repository.&lt;/p&gt;</source>
        <translation>&lt;p&gt;يُرجى إرسال:&lt;/p&gt;&lt;ol&gt;&lt;li&gt;ملف السجل &lt;b&gt;qawl.log&lt;/b&gt; (وكذلك &lt;b&gt;qawl.log.1&lt;/b&gt; إن كانت المشكلة قد وقعت منذ مدة)؛&lt;/li&gt;&lt;li&gt;الإصدارات (ينسخها الزر أدناه)؛&lt;/li&gt;&lt;li&gt;ما فعلته خطوة خطوة، وما توقعته، وما حدث بدلاً منه؛&lt;/li&gt;&lt;li&gt;لقطة شاشة إن كانت المشكلة فيما تعرضه النافذة؛&lt;/li&gt;&lt;li&gt;إن كانت تخص مقالاً واحداً ويحق لك مشاركته: ذلك المستند مصدَّراً (ملف ◂ تصدير، بصيغة Qawl JSONL).&lt;/li&gt;&lt;/ol&gt;&lt;p&gt;السجل ملف نصي عادي: اقرأه قبل إرساله. أرسل كل ذلك إلى من يتولى دعم قول في فريقك، أو أرفقه ببلاغ في مستودع قول.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>Open the log folder</source>
        <translation>فتح مجلد السجل</translation>
    </message>
    <message>
        <source>Copy the log&apos;s path</source>
        <translation>نسخ مسار السجل</translation>
    </message>
    <message>
        <source>Copy the versions</source>
        <translation>نسخ الإصدارات</translation>
    </message>
</context>
<context>
    <name>QuoteEditor</name>
    <message>
        <source>Choose speaker…</source>
        <translation>اختيار المتحدث…</translation>
    </message>
    <message>
        <source>Type:</source>
        <translation>النوع:</translation>
    </message>
    <message>
        <source>Speaker mention:</source>
        <translation>الإشارة إلى المتحدث:</translation>
    </message>
    <message>
        <source>Speaker:</source>
        <translation>المتحدث:</translation>
    </message>
    <message>
        <source>Cue:</source>
        <translation>فعل القول:</translation>
    </message>
    <message>
        <source>Date:</source>
        <translation>التاريخ:</translation>
    </message>
    <message>
        <source>(none)</source>
        <translation>(لا شيء)</translation>
    </message>
    <message>
        <source>Select a quote (or press Q on a selection) to edit it here.</source>
        <translation>حدّد اقتباساً (أو اضغط Q على تحديد) لتحريره هنا.</translation>
    </message>
    <message>
        <source>%1 (from the quote)</source>
        <translation>%1 (من الاقتباس)</translation>
    </message>
    <message>
        <source>(the article)</source>
        <translation>(المقال)</translation>
    </message>
    <message>
        <source>⚠ no speaker</source>
        <translation>⚠ بلا متحدث</translation>
    </message>
    <message>
        <source>(not in the registry)</source>
        <translation>(ليس في السجل)</translation>
    </message>
</context>
<context>
    <name>QuoteFilter</name>
    <message>
        <source>(the article)</source>
        <translation>(المقال)</translation>
    </message>
    <message>
        <source>⚠ no speaker</source>
        <translation>⚠ بلا متحدث</translation>
    </message>
    <message>
        <source>%1 of %2</source>
        <translation>%1 من %2</translation>
    </message>
    <message>
        <source>%1 records</source>
        <translation>%1 سجلًا</translation>
    </message>
</context>
<context>
    <name>QuoteFilterBar</name>
    <message>
        <source>Every kind</source>
        <translation>كل الأنواع</translation>
    </message>
    <message>
        <source>Quotes</source>
        <translation>الاقتباسات</translation>
    </message>
    <message>
        <source>Claims</source>
        <translation>الادعاءات</translation>
    </message>
    <message>
        <source>Show one kind of record: quotes of one type, or claims</source>
        <translation>اعرض نوعًا واحدًا من السجلات: اقتباسات من نوع واحد، أو ادعاءات</translation>
    </message>
    <message>
        <source>Any origin</source>
        <translation>أي مصدر</translation>
    </message>
    <message>
        <source>Made by hand</source>
        <translation>يدوية</translation>
    </message>
    <message>
        <source>Accepted suggestions</source>
        <translation>اقتراحات مقبولة</translation>
    </message>
    <message>
        <source>Pending suggestions</source>
        <translation>اقتراحات معلّقة</translation>
    </message>
    <message>
        <source>Show records by how they came to be</source>
        <translation>اعرض السجلات بحسب طريقة إنشائها</translation>
    </message>
    <message>
        <source>Without speaker</source>
        <translation>بلا متحدث</translation>
    </message>
    <message>
        <source>Quotes that have no speaker yet</source>
        <translation>اقتباسات ليس لها متحدث بعد</translation>
    </message>
    <message>
        <source>Needs discussion</source>
        <translation>يحتاج إلى نقاش</translation>
    </message>
    <message>
        <source>Records flagged as needing discussion (Ctrl+Shift+M), or one of their parts</source>
        <translation>سجلات عليها علامة «يحتاج إلى نقاش» (Ctrl+Shift+M)، هي أو أحد أجزائها</translation>
    </message>
    <message>
        <source>Group by speaker</source>
        <translation>تجميع حسب المتحدث</translation>
    </message>
    <message>
        <source>One section per speaker, records without a speaker first</source>
        <translation>قسم لكل متحدث، والسجلات التي بلا متحدث أولًا</translation>
    </message>
    <message>
        <source>Show every record</source>
        <translation>اعرض كل السجلات</translation>
    </message>
</context>
<context>
    <name>QuotesDock</name>
    <message>
        <source>Quotes</source>
        <translation>الاقتباسات</translation>
    </message>
    <message>
        <source>⚠ %1 without a speaker</source>
        <translation>⚠ %1 بلا متحدث</translation>
    </message>
</context>
<context>
    <name>QuotesModel</name>
    <message>
        <source>Kind</source>
        <translation>النوع</translation>
    </message>
    <message>
        <source>Quote</source>
        <translation>اقتباس</translation>
    </message>
    <message>
        <source>Speaker</source>
        <translation>المتحدث</translation>
    </message>
    <message>
        <source>Cue</source>
        <translation>فعل القول</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>التاريخ</translation>
    </message>
    <message>
        <source>%1 (suggested; you have it)</source>
        <translation>%1 (مقترح؛ لديك مثله)</translation>
    </message>
    <message>
        <source>%1 (suggested; overlaps yours)</source>
        <translation>%1 (مقترح؛ يتداخل مع توسيمك)</translation>
    </message>
    <message>
        <source>%1 (suggested)</source>
        <translation>%1 (مقترح)</translation>
    </message>
    <message>
        <source>⚠ no speaker</source>
        <translation>⚠ بلا متحدث</translation>
    </message>
    <message>
        <source>(the article)</source>
        <translation>(المقال)</translation>
    </message>
    <message>
        <source>from the quote around this claim</source>
        <translation>من الاقتباس المحيط بهذا الادعاء</translation>
    </message>
    <message>
        <source>no one else makes this claim</source>
        <translation>لا أحد غير المقال يقدّم هذا الادعاء</translation>
    </message>
</context>
<context>
    <name>Review</name>
    <message>
        <source>&amp;Review mode</source>
        <translation>وضع الم&amp;راجعة</translation>
    </message>
    <message>
        <source>Compare the annotators&apos; layers of this document and build gold</source>
        <translation>قارن طبقات الموسِّمين لهذا المستند وابنِ الطبقة الذهبية</translation>
    </message>
    <message>
        <source>Accept all agreed</source>
        <translation>قبول كل المتفق عليه</translation>
    </message>
    <message>
        <source>Gold takes every annotation all annotators agree on</source>
        <translation>تأخذ الطبقة الذهبية كل توسيم اتفق عليه الموسِّمون جميعاً</translation>
    </message>
    <message>
        <source>Accept all versions</source>
        <translation>قبول كل النسخ</translation>
    </message>
    <message>
        <source>Gold takes every annotator&apos;s version of this difference</source>
        <translation>تأخذ الطبقة الذهبية نسخة كل موسِّم من هذا الاختلاف</translation>
    </message>
    <message>
        <source>Accept edited</source>
        <translation>قبول المعدَّل</translation>
    </message>
    <message>
        <source>Gold takes the selected words with the chosen annotator&apos;s label and attributes</source>
        <translation>تأخذ الطبقة الذهبية الكلمات المحددة بوسم الموسِّم المختار وسماته</translation>
    </message>
    <message>
        <source>Reject</source>
        <translation>رفض</translation>
    </message>
    <message>
        <source>Nothing of this difference goes into gold</source>
        <translation>لا يدخل شيء من هذا الاختلاف الطبقة الذهبية</translation>
    </message>
    <message>
        <source>Next difference</source>
        <translation>الاختلاف التالي</translation>
    </message>
    <message>
        <source>Previous difference</source>
        <translation>الاختلاف السابق</translation>
    </message>
    <message>
        <source>Mark review done</source>
        <translation>وضع علامة: المراجعة منجزة</translation>
    </message>
    <message>
        <source>The document&apos;s review status (the gold layer&apos;s status)</source>
        <translation>حالة مراجعة المستند (حالة الطبقة الذهبية)</translation>
    </message>
    <message>
        <source>Side by side</source>
        <translation>جنباً إلى جنب</translation>
    </message>
    <message>
        <source>One article view per annotator, scrolling together</source>
        <translation>عرض للمقال لكل موسِّم، تتمرر معاً</translation>
    </message>
    <message>
        <source>&amp;Agreement report…</source>
        <translation>تقرير الا&amp;تفاق…</translation>
    </message>
    <message>
        <source>Agreement between annotators for this document, the selected documents or the project</source>
        <translation>الاتفاق بين الموسِّمين لهذا المستند أو المستندات المحددة أو المشروع</translation>
    </message>
    <message>
        <source>Import &amp;teammates&apos; annotations…</source>
        <translation>استيراد توسيمات ال&amp;زملاء…</translation>
    </message>
    <message>
        <source>Bring in teammates&apos; exports; documents with a problem are skipped (and listed), the rest imported</source>
        <translation>استيراد ملفات الزملاء المصدَّرة؛ يُتخطّى كل مستند فيه مشكلة (ويُذكر) ويُستورد الباقي</translation>
    </message>
    <message>
        <source>Accept version %1</source>
        <translation>قبول النسخة %1</translation>
    </message>
    <message>
        <source>Gold takes the version of annotator %1 in the list</source>
        <translation>تأخذ الطبقة الذهبية نسخة الموسِّم %1 في القائمة</translation>
    </message>
    <message>
        <source>Re&amp;view</source>
        <translation>م&amp;راجعة</translation>
    </message>
    <message>
        <source>agreed</source>
        <translation>متفق عليه</translation>
    </message>
    <message>
        <source>boundaries differ</source>
        <translation>الحدود مختلفة</translation>
    </message>
    <message>
        <source>label differs</source>
        <translation>الوسم مختلف</translation>
    </message>
    <message>
        <source>attribution differs</source>
        <translation>الإسناد مختلف</translation>
    </message>
    <message>
        <source>not everyone</source>
        <translation>ليس عند الجميع</translation>
    </message>
    <message>
        <source>speaker</source>
        <translation>المتحدث</translation>
    </message>
    <message>
        <source>cue</source>
        <translation>فعل القول</translation>
    </message>
    <message>
        <source>date</source>
        <translation>التاريخ</translation>
    </message>
    <message>
        <source>type</source>
        <translation>النوع</translation>
    </message>
    <message>
        <source>speaker entity</source>
        <translation>كيان المتحدث</translation>
    </message>
    <message>
        <source>date value</source>
        <translation>قيمة التاريخ</translation>
    </message>
    <message>
        <source>type: %1</source>
        <translation>النوع: %1</translation>
    </message>
    <message>
        <source>value: %1</source>
        <translation>القيمة: %1</translation>
    </message>
    <message>
        <source>needs discussion</source>
        <translation>يحتاج إلى نقاش</translation>
    </message>
    <message>
        <source>note: %1</source>
        <translation>ملاحظة: %1</translation>
    </message>
    <message>
        <source>speaker: %1</source>
        <translation>المتحدث: %1</translation>
    </message>
    <message>
        <source>cue: %1</source>
        <translation>فعل القول: %1</translation>
    </message>
    <message>
        <source>date: %1</source>
        <translation>التاريخ: %1</translation>
    </message>
    <message>
        <source>in gold</source>
        <translation>في الذهبية</translation>
    </message>
    <message>
        <source>edited (%1)</source>
        <translation>معدَّل (%1)</translation>
    </message>
</context>
<context>
    <name>ReviewController</name>
    <message>
        <source>No differences in this document.</source>
        <extracomment>the reviewer&apos;s own layer, when it is not one of the compared ones, is drawn in this grey</extracomment>
        <translation>لا اختلافات في هذا المستند.</translation>
    </message>
    <message>
        <source>Every annotator agrees on everything here (untick Disagreements only to see what they agree on).</source>
        <translation>يتفق الموسِّمون كلهم على كل شيء هنا (ألغِ تحديد «الخلافات فقط» لترى ما يتفقون عليه).</translation>
    </message>
    <message>
        <source>That was the last disagreement.</source>
        <translation>كان هذا آخر خلاف.</translation>
    </message>
    <message>
        <source>That was the first disagreement.</source>
        <translation>كان هذا أول خلاف.</translation>
    </message>
    <message>
        <source>Select a difference first (N for the next one).</source>
        <translation>حدّد اختلافاً أولاً (N للتالي).</translation>
    </message>
    <message>
        <source>There is no annotator %1 here.</source>
        <translation>لا يوجد موسِّم رقم %1 هنا.</translation>
    </message>
    <message>
        <source>%1 has nothing here: nothing of it goes into gold.</source>
        <translation>ليس عند %1 شيء هنا: لا يدخل منه شيء الطبقة الذهبية.</translation>
    </message>
    <message>
        <source>Gold takes %1&apos;s version.</source>
        <translation>أخذت الطبقة الذهبية نسخة %1.</translation>
    </message>
    <message>
        <source>Gold takes every version here.</source>
        <translation>أخذت الطبقة الذهبية كل النسخ هنا.</translation>
    </message>
    <message>
        <source>Gold already holds that.</source>
        <translation>هذا موجود في الطبقة الذهبية من قبل.</translation>
    </message>
    <message>
        <source>Select the words of the edited version first (Shift+arrows or the mouse), then press Ctrl+Return.</source>
        <translation>حدّد كلمات النسخة المعدَّلة أولاً (Shift+الأسهم أو الفأرة)، ثم اضغط Ctrl+Return.</translation>
    </message>
    <message>
        <source>Gold takes an edited version of %1&apos;s %2.</source>
        <translation>أخذت الطبقة الذهبية نسخة معدَّلة من %2 لدى %1.</translation>
    </message>
    <message>
        <source>Rejected: nothing of it goes into gold.</source>
        <translation>رُفض: لا يدخل منه شيء الطبقة الذهبية.</translation>
    </message>
    <message>
        <source>Gold already holds every agreed annotation.</source>
        <translation>كل توسيم متفق عليه موجود في الطبقة الذهبية من قبل.</translation>
    </message>
    <message>
        <source>Gold takes %1 agreed annotations.</source>
        <translation>أخذت الطبقة الذهبية %1 من التوسيمات المتفق عليها.</translation>
    </message>
    <message>
        <source>Review: %1</source>
        <translation>المراجعة: %1</translation>
    </message>
</context>
<context>
    <name>ReviewDock</name>
    <message>
        <source>Review</source>
        <translation>المراجعة</translation>
    </message>
    <message>
        <source>Whose layers are compared (untick to leave someone out)</source>
        <translation>طبقات من تُقارَن (أزل العلامة لاستبعاد أحد)</translation>
    </message>
    <message>
        <source>Disagreements only</source>
        <translation>الخلافات فقط</translation>
    </message>
    <message>
        <source>List (and step through with N / P) only what the annotators disagree on; what they all agree on is drawn grey in the article</source>
        <translation>عرض ما يختلف فيه الموسِّمون فقط (والتنقل فيه بـ N / P)؛ ما يتفقون عليه كلهم يُرسم رمادياً في المقال</translation>
    </message>
    <message>
        <source>Review status:</source>
        <translation>حالة المراجعة:</translation>
    </message>
    <message>
        <source>Review mode is off (Review ▸ Review mode, Ctrl+R).</source>
        <translation>وضع المراجعة مُطفأ (مراجعة ◂ وضع المراجعة، Ctrl+R).</translation>
    </message>
    <message>
        <source>Nobody has annotated this document yet: nothing to compare.</source>
        <translation>لم يَسِم أحد هذا المستند بعد: لا شيء للمقارنة.</translation>
    </message>
    <message>
        <source>%1 differences (%2); gold holds %3.</source>
        <translation>%1 اختلافاً (%2)؛ في الطبقة الذهبية %3.</translation>
    </message>
    <message>
        <source>%1 agreed not listed.</source>
        <translation>%1 متفق عليها غير معروضة.</translation>
    </message>
    <message>
        <source>Compare:</source>
        <translation>قارن:</translation>
    </message>
</context>
<context>
    <name>SearchDock</name>
    <message>
        <source>Search</source>
        <translation>البحث</translation>
    </message>
    <message>
        <source>Search the words of every document…</source>
        <translation>ابحث في كلمات كل المستندات…</translation>
    </message>
    <message>
        <source>Every word must be in the document; harakat, letter variants (أ/ا, ى/ي, ة/ه) and و ف ب ك ل ال before a word do not matter</source>
        <translation>يجب أن تكون كل كلمة في المستند؛ ولا تهم الحركات وصور الحروف (أ/ا، ى/ي، ة/ه) ولا و ف ب ك ل ال قبل الكلمة</translation>
    </message>
    <message>
        <source>No document has every word of “%1”.</source>
        <translation>لا مستند فيه كل كلمات «%1».</translation>
    </message>
    <message>
        <source>%1 documents, the most relevant first.</source>
        <translation>%1 مستنداً، الأكثر صلة أولاً.</translation>
    </message>
    <message>
        <source>%1 documents, in import order (too many to rank: add a word to narrow them).</source>
        <translation>%1 مستنداً، بترتيب الاستيراد (أكثر من أن تُرتَّب حسب الصلة: أضف كلمة لتضييقها).</translation>
    </message>
</context>
<context>
    <name>SearchResultsModel</name>
    <message>
        <source>Document</source>
        <translation>المستند</translation>
    </message>
    <message>
        <source>Where</source>
        <translation>الموضع</translation>
    </message>
</context>
<context>
    <name>Session</name>
    <message>
        <source>Could not undo or redo (%1): %2 The undo history was cleared and the document reloaded.</source>
        <extracomment>The description of an event that changes only what is shown of a layer (nothing was edited).</extracomment>
        <translation>تعذّر التراجع أو الإعادة (%1): %2 مُسح سجل التراجع وأُعيد تحميل الوثيقة.</translation>
    </message>
    <message>
        <source>Could not undo or redo: %1. The undo history was cleared and the document reloaded.</source>
        <translation>تعذّر التراجع أو الإعادة: %1. مُسح سجل التراجع وأُعيد تحميل المستند.</translation>
    </message>
    <message>
        <source>Not saved: %1. %2</source>
        <translation>لم يُحفظ: %1. %2</translation>
    </message>
    <message>
        <source>The disk is full: nothing of this edit was saved. Free some space and try again.</source>
        <translation>القرص ممتلئ: لم يُحفظ شيء من هذا التعديل. أفرِغ بعض المساحة ثم أعد المحاولة.</translation>
    </message>
    <message>
        <source>The project file is read-only (its permissions, or a disk mounted read-only): nothing of this edit was saved.</source>
        <translation>ملف المشروع للقراءة فقط (أذوناته، أو قرص مركَّب للقراءة فقط): لم يُحفظ شيء من هذا التعديل.</translation>
    </message>
    <message>
        <source>Another program (a qawl import or export, another window) kept the project locked too long: nothing of this edit was saved. Try again.</source>
        <translation>أبقى برنامج آخر (استيراد أو تصدير بأمر qawl، أو نافذة أخرى) المشروعَ مقفلًا مدة طويلة: لم يُحفظ شيء من هذا التعديل. أعد المحاولة.</translation>
    </message>
    <message>
        <source>The project file is damaged: nothing of this edit was saved. See Integrity in the README to recover it.</source>
        <translation>ملف المشروع تالف: لم يُحفظ شيء من هذا التعديل. راجع قسم Integrity في README لاستعادته.</translation>
    </message>
    <message>
        <source>The disk could not be read or written: nothing of this edit was saved.</source>
        <translation>تعذّرت القراءة من القرص أو الكتابة إليه: لم يُحفظ شيء من هذا التعديل.</translation>
    </message>
    <message>
        <source>Changed elsewhere</source>
        <translation>تغيّر في مكان آخر</translation>
    </message>
</context>
<context>
    <name>SideBySideWindow</name>
    <message>
        <source>Side by side — %1</source>
        <translation>جنباً إلى جنب — %1</translation>
    </message>
    <message>
        <source>gold</source>
        <translation>الذهبية</translation>
    </message>
    <message>
        <source>%1 · %2 annotations</source>
        <translation>%1 · %2 توسيماً</translation>
    </message>
</context>
<context>
    <name>SpanTableModel</name>
    <message>
        <source>Suggested (rule %1): Enter accepts it, Del rejects it</source>
        <translation>مقترح (القاعدة %1): Enter لقبوله، Del لرفضه</translation>
    </message>
</context>
<context>
    <name>SpeakerFilterBar</name>
    <message>
        <source>All speakers</source>
        <translation>كل المتحدثين</translation>
    </message>
    <message>
        <source>Mentioned in this document</source>
        <translation>مذكورون في هذه الوثيقة</translation>
    </message>
    <message>
        <source>Mentioned in the project</source>
        <translation>مذكورون في المشروع</translation>
    </message>
    <message>
        <source>Not mentioned anywhere</source>
        <translation>غير مذكورين في أي مكان</translation>
    </message>
    <message>
        <source>Show speakers by where they are mentioned (the project: any annotator&apos;s layer, not the suggestions)</source>
        <translation>اعرض المتحدثين بحسب مواضع ذكرهم (المشروع: طبقة أي مُعلِّق، لا الاقتراحات)</translation>
    </message>
    <message>
        <source>By name</source>
        <translation>حسب الاسم</translation>
    </message>
    <message>
        <source>Most mentioned here</source>
        <translation>الأكثر ذكرًا هنا</translation>
    </message>
    <message>
        <source>Most mentioned by you</source>
        <translation>الأكثر ذكرًا في تعليقاتك</translation>
    </message>
    <message>
        <source>Most mentioned, all layers</source>
        <translation>الأكثر ذكرًا، كل الطبقات</translation>
    </message>
    <message>
        <source>Sort the speakers (or click a column&apos;s header)</source>
        <translation>رتّب المتحدثين (أو انقر عنوان عمود)</translation>
    </message>
    <message>
        <source>%1 of %2</source>
        <translation>%1 من %2</translation>
    </message>
    <message>
        <source>%1 speakers</source>
        <translation>%1 متحدثًا</translation>
    </message>
</context>
<context>
    <name>SpeakerPicker</name>
    <message>
        <source>Choose speaker</source>
        <translation>اختيار المتحدث</translation>
    </message>
    <message>
        <source>type any name or alias</source>
        <translation>اكتب أي اسم أو اسم بديل</translation>
    </message>
    <message>
        <source>Speaker of the mention “%1”:</source>
        <translation>متحدث الإشارة «%1»:</translation>
    </message>
    <message>
        <source>New speaker “%1”</source>
        <translation>متحدث جديد «%1»</translation>
    </message>
</context>
<context>
    <name>SpeakersDock</name>
    <message>
        <source>Speakers</source>
        <translation>المتحدثون</translation>
    </message>
    <message>
        <source>Find a speaker by any name…</source>
        <translation>ابحث عن متحدث بأي اسم…</translation>
    </message>
    <message>
        <source>Merge…</source>
        <translation>دمج…</translation>
    </message>
    <message>
        <source>Select two or more speakers to merge them into one</source>
        <translation>حدّد متحدثَين أو أكثر لدمجهم في واحد</translation>
    </message>
    <message>
        <source>Aliases…</source>
        <translation>الأسماء البديلة…</translation>
    </message>
    <message>
        <source>Edit the other names of the selected speaker, one per row</source>
        <translation>تحرير الأسماء البديلة للمتحدث المحدد، اسم في كل سطر</translation>
    </message>
    <message>
        <source>Rename, keep old name…</source>
        <translation>إعادة تسمية مع إبقاء القديم…</translation>
    </message>
    <message>
        <source>Rename the selected speaker and keep the old name as an alias (double-click the name to rename it without)</source>
        <translation>إعادة تسمية المتحدث المحدد مع إبقاء الاسم القديم اسماً بديلاً (انقر مرتين على الاسم لإعادة التسمية دون ذلك)</translation>
    </message>
    <message>
        <source>Rename speaker</source>
        <translation>إعادة تسمية المتحدث</translation>
    </message>
    <message>
        <source>New name (“%1” stays as an alias):</source>
        <translation>الاسم الجديد (يبقى «%1» اسماً بديلاً):</translation>
    </message>
    <message>
        <source>Next mention</source>
        <translation>الإشارة التالية</translation>
    </message>
</context>
<context>
    <name>SpeakersModel</name>
    <message>
        <source>Speaker</source>
        <translation>المتحدث</translation>
    </message>
    <message>
        <source>Aliases</source>
        <translation>الأسماء البديلة</translation>
    </message>
    <message>
        <source>Mentions (%1)</source>
        <translation>الإشارات (%1)</translation>
    </message>
    <message>
        <source>All layers</source>
        <translation>كل الطبقات</translation>
    </message>
    <message>
        <source>The speaker&apos;s canonical name (double-click to rename)</source>
        <translation>الاسم المعتمد للمتحدث (انقر مرتين لإعادة التسمية)</translation>
    </message>
    <message>
        <source>Other names of the speaker (double-click to edit the list)</source>
        <translation>الأسماء البديلة للمتحدث (انقر مرتين لتحرير القائمة)</translation>
    </message>
    <message>
        <source>Mentions in %1&apos;s annotations, all documents</source>
        <translation>الإشارات في توسيمات %1، في كل المستندات</translation>
    </message>
    <message>
        <source>Mentions in every annotator&apos;s layers (not the suggestions), all documents</source>
        <translation>الإشارات في طبقات كل الموسِّمين (دون الاقتراحات)، في كل المستندات</translation>
    </message>
    <message>
        <source>Mentions in %1&apos;s annotations of this document</source>
        <translation>الإشارات في توسيمات %1 لهذا المستند</translation>
    </message>
    <message>
        <source>Here</source>
        <translation>هنا</translation>
    </message>
</context>
<context>
    <name>SuggestionsUi</name>
    <message>
        <source>S&amp;uggestions</source>
        <translation>الا&amp;قتراحات</translation>
    </message>
    <message>
        <source>No suggestions left in this document.</source>
        <translation>لم تبق اقتراحات في هذا المستند.</translation>
    </message>
    <message>
        <source>Suggestion selected: Enter accepts it, Del rejects it.</source>
        <translation>حُدّد اقتراح: Enter لقبوله، Del لرفضه.</translation>
    </message>
    <message>
        <source>, </source>
        <translation>، </translation>
    </message>
    <message>
        <source>Accepted %1: %2</source>
        <translation>قُبل %1: %2</translation>
    </message>
    <message>
        <source>with %1</source>
        <translation>مع %1</translation>
    </message>
    <message>
        <source>Rejected %1: %2</source>
        <translation>رُفض %1: %2</translation>
    </message>
    <message>
        <source>Accepted %1 suggestions (one undo step).</source>
        <translation>قُبلت %1 اقتراحات (خطوة تراجع واحدة).</translation>
    </message>
    <message>
        <source>%1 suggestions left</source>
        <translation>بقيت %1 اقتراحات</translation>
    </message>
    <message>
        <source>no suggestions left</source>
        <translation>لم تبق اقتراحات</translation>
    </message>
    <message>
        <source>%1 suggestions · %2 next · Enter accept · %3 reject</source>
        <translation>%1 اقتراحات · %2 التالي · Enter قبول · %3 رفض</translation>
    </message>
    <message>
        <source>rule %1 · Enter accepts, %2 rejects</source>
        <translation>القاعدة %1 · Enter للقبول، %2 للرفض</translation>
    </message>
    <message>
        <source>Suggested %1</source>
        <translation>%1 مقترح</translation>
    </message>
    <message>
        <source>&amp;Accept suggestion</source>
        <translation>&amp;قبول الاقتراح</translation>
    </message>
    <message>
        <source>Accept the selected suggestion with its speaker, cue and date</source>
        <translation>قبول الاقتراح المحدد مع متحدثه وفعل القول وتاريخه</translation>
    </message>
    <message>
        <source>&amp;Reject suggestion</source>
        <translation>&amp;رفض الاقتراح</translation>
    </message>
    <message>
        <source>Reject the selected suggestion (Del does the same when a suggestion is selected)</source>
        <translation>رفض الاقتراح المحدد (يفعل Del الشيء نفسه حين يكون اقتراح محدداً)</translation>
    </message>
    <message>
        <source>Accept all suggestions in this document</source>
        <translation>قبول كل الاقتراحات في هذا المستند</translation>
    </message>
    <message>
        <source>Accept every pending suggestion of the document (one undo step)</source>
        <translation>قبول كل اقتراحات المستند المعلّقة (خطوة تراجع واحدة)</translation>
    </message>
    <message>
        <source>&amp;Next suggestion</source>
        <translation>الاقتراح ال&amp;تالي</translation>
    </message>
    <message>
        <source>&amp;Previous suggestion</source>
        <translation>الاقتراح ال&amp;سابق</translation>
    </message>
    <message>
        <source>Show &amp;suggestions</source>
        <translation>إظهار الا&amp;قتراحات</translation>
    </message>
    <message>
        <source>Suggest for this document</source>
        <translation>اقتراح توسيمات لهذا المستند</translation>
    </message>
    <message>
        <source>Pre-annotate quotes, speakers, cues and dates of this document for you to accept or reject</source>
        <translation>توسيم مسبق للاقتباسات والمتحدثين وأفعال القول والتواريخ في هذا المستند لتقبلها أو ترفضها</translation>
    </message>
    <message>
        <source>Suggest for all documents</source>
        <translation>اقتراح توسيمات لكل المستندات</translation>
    </message>
    <message>
        <source>Pre-annotate every document of the project (suggestions already decided are kept)</source>
        <translation>توسيم مسبق لكل مستندات المشروع (تبقى الاقتراحات التي حُسم أمرها كما هي)</translation>
    </message>
    <message>
        <source>you have it: Enter adds only what yours lacks</source>
        <translation>لديك مثله: Enter يضيف فقط ما ينقص توسيمك</translation>
    </message>
    <message>
        <source>overlaps your %1 %2–%3: Enter merges into yours</source>
        <translation>يتداخل مع %1 لديك %2–%3: Enter يدمجه في توسيمك</translation>
    </message>
    <message>
        <source>Suggestions need a project file (this project is in memory).</source>
        <translation>تحتاج الاقتراحات إلى ملف مشروع (هذا المشروع في الذاكرة).</translation>
    </message>
    <message>
        <source>Open a document first.</source>
        <translation>افتح مستنداً أولاً.</translation>
    </message>
    <message>
        <source>Suggesting…</source>
        <translation>جارٍ الاقتراح…</translation>
    </message>
    <message>
        <source>Suggested %1 spans in %2 documents in %3 s (%4 already decided kept as they were).</source>
        <translation>اقتُرح %1 مقطعاً في %2 مستندات خلال %3 ث (وبقي %4 مما حُسم أمره كما كان).</translation>
    </message>
    <message>
        <source>Speakers: %1 as shipped (nothing done or gold to learn from yet).</source>
        <translation>المتحدثون: %1 كما شُحن (لا مستند منجزاً ولا ذهبياً يُتعلَّم منه بعد).</translation>
    </message>
    <message>
        <source>Speakers: %1 kept (learning from %2 documents did not beat it).</source>
        <translation>المتحدثون: أُبقي %1 (التعلم من %2 مستندات لم يتفوق عليه).</translation>
    </message>
    <message>
        <source>Speakers: %2, learned from %1 documents of this project.</source>
        <translation>المتحدثون: %2، تعلَّم من %1 مستندات في هذا المشروع.</translation>
    </message>
    <message>
        <source>Suggesting failed; nothing was stored: %1</source>
        <translation>فشل الاقتراح؛ لم يُخزَّن شيء: %1</translation>
    </message>
    <message>
        <source>Cancelled; nothing was changed.</source>
        <translation>أُلغي؛ لم يتغير شيء.</translation>
    </message>
</context>
<context>
    <name>Tasks</name>
    <message>
        <source>Cancel</source>
        <translation>إلغاء</translation>
    </message>
</context>
<context>
    <name>Team</name>
    <message>
        <source>Fetching the team&apos;s work…</source>
        <translation>جلب عمل الفريق…</translation>
    </message>
    <message>
        <source>Bringing in your teammates&apos; work…</source>
        <translation>إدخال عمل زملائك…</translation>
    </message>
    <message>
        <source>Preparing your changes…</source>
        <translation>تجهيز تغييراتك…</translation>
    </message>
    <message>
        <source>Sending your work…</source>
        <translation>إرسال عملك…</translation>
    </message>
    <message>
        <source>Finishing…</source>
        <translation>إنهاء…</translation>
    </message>
    <message>
        <source>Syncing…</source>
        <translation>مزامنة…</translation>
    </message>
    <message>
        <source>nothing to send</source>
        <translation>لا شيء للإرسال</translation>
    </message>
    <message>
        <source>teammates&apos; work arrived: %1</source>
        <translation>وصل عمل الزملاء: %1</translation>
    </message>
    <message>
        <source>nothing new from teammates</source>
        <translation>لا جديد من الزملاء</translation>
    </message>
    <message>
        <source>%1 new document(s)</source>
        <translation>%1 مستند جديد</translation>
    </message>
    <message>
        <source>%1 registry change(s)</source>
        <translation>%1 تغيير في السجلات</translation>
    </message>
    <message>
        <source>%1 document(s) removed by the lead</source>
        <translation>أزال قائد الفريق %1 مستند</translation>
    </message>
    <message>
        <source>%1 conflict(s) to decide</source>
        <translation>%1 تعارض بانتظار قرارك</translation>
    </message>
    <message>
        <source>%1 file(s) with problems left out</source>
        <translation>تُرك %1 ملف فيه مشكلات</translation>
    </message>
    <message>
        <source>Team</source>
        <translation>الفريق</translation>
    </message>
    <message>
        <source>Sync now</source>
        <translation>زامن الآن</translation>
    </message>
    <message>
        <source>Document</source>
        <translation>المستند</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>الحالة</translation>
    </message>
    <message>
        <source>Arrived from teammates</source>
        <translation>وصل من الزملاء</translation>
    </message>
    <message>
        <source>Annotator</source>
        <translation>الموسِّم</translation>
    </message>
    <message>
        <source>When</source>
        <translation>متى</translation>
    </message>
    <message>
        <source>The team</source>
        <translation>الفريق</translation>
    </message>
    <message>
        <source>Assigned</source>
        <translation>المُسنَد</translation>
    </message>
    <message>
        <source>%1 layer(s)</source>
        <translation>%1 طبقة</translation>
    </message>
    <message>
        <source>, </source>
        <translation>، </translation>
    </message>
    <message>
        <source>; </source>
        <translation>؛ </translation>
    </message>
    <message>
        <source>sent %1</source>
        <translation>أُرسل: %1</translation>
    </message>
    <message>
        <source>Not started</source>
        <translation>لم يبدأ</translation>
    </message>
    <message>
        <source>In progress</source>
        <translation>قيد العمل</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>منجز</translation>
    </message>
    <message>
        <source>Last sync</source>
        <translation>آخر مزامنة</translation>
    </message>
    <message>
        <source>to review</source>
        <translation>للمراجعة</translation>
    </message>
    <message>
        <source>Assign selected documents</source>
        <translation>إسناد المستندات المحددة</translation>
    </message>
    <message>
        <source>Take back</source>
        <translation>استرجاع</translation>
    </message>
    <message>
        <source>&amp;Sync with the team</source>
        <translation>م&amp;زامنة مع الفريق</translation>
    </message>
    <message>
        <source>Send your work to the team&apos;s repository and bring in your teammates&apos;</source>
        <translation>إرسال عملك إلى مستودع الفريق وإدخال عمل زملائك</translation>
    </message>
    <message>
        <source>Team &amp;sidebar</source>
        <translation>الشريط &amp;الجانبي للفريق</translation>
    </message>
    <message>
        <source>Your assignments, what arrived from teammates, where everyone is</source>
        <translation>ما أُسند إليك، وما وصل من الزملاء، وأين وصل كل واحد</translation>
    </message>
    <message>
        <source>&amp;Assign selected documents…</source>
        <translation>إ&amp;سناد المستندات المحددة…</translation>
    </message>
    <message>
        <source>Give the documents selected in the list to an annotator (the lead)</source>
        <translation>إسناد المستندات المحددة في القائمة إلى موسِّم (قائد الفريق)</translation>
    </message>
    <message>
        <source>&amp;Team</source>
        <translation>ال&amp;فريق</translation>
    </message>
    <message>
        <source>Team: %1</source>
        <translation>الفريق: %1</translation>
    </message>
    <message>
        <source>This project is not part of a team. The lead publishes it with &apos;qawl team init REMOTE&apos;; annotators join with &apos;qawl team join REMOTE --annotator NAME&apos;.</source>
        <translation>هذا المشروع ليس مشروع فريق. ينشره قائد الفريق بالأمر ‎&apos;qawl team init REMOTE&apos;‎ وينضم الموسِّمون بالأمر ‎&apos;qawl team join REMOTE --annotator NAME&apos;‎.</translation>
    </message>
    <message>
        <source>you are the lead</source>
        <translation>أنت قائد الفريق</translation>
    </message>
    <message>
        <source>lead: %1</source>
        <translation>قائد الفريق: %1</translation>
    </message>
    <message>
        <source>Team at %1 · %2 · last sync: %3</source>
        <translation>الفريق في %1 · %2 · آخر مزامنة: %3</translation>
    </message>
    <message>
        <source>never</source>
        <translation>لم تحدث</translation>
    </message>
    <message>
        <source>The window annotates as %1, but this project syncs %2&apos;s work.</source>
        <translation>النافذة توسِّم باسم %1، لكن هذا المشروع يزامن عمل %2.</translation>
    </message>
    <message>
        <source>Assigned to you (%1)</source>
        <translation>المُسنَد إليك (%1)</translation>
    </message>
    <message>
        <source>Arrived from teammates (%1)</source>
        <translation>وصل من الزملاء (%1)</translation>
    </message>
    <message>
        <source>Syncing with the team…</source>
        <translation>المزامنة مع الفريق…</translation>
    </message>
    <message>
        <source>Synced: %1</source>
        <translation>تمت المزامنة: %1</translation>
    </message>
    <message>
        <source>Their work is in the list on the Team sidebar; Review ▸ Review mode compares it with yours.</source>
        <translation>عملهم في قائمة الشريط الجانبي للفريق؛ وتقارنه «المراجعة ▸ وضع المراجعة» بعملك.</translation>
    </message>
    <message>
        <source>Sync failed: %1</source>
        <translation>فشلت المزامنة: %1</translation>
    </message>
    <message>
        <source>Sync cancelled; nothing was sent. Your work is safe in the project.</source>
        <translation>أُلغيت المزامنة ولم يُرسل شيء. عملك محفوظ في المشروع.</translation>
    </message>
    <message>
        <source>Select documents in the document list first.</source>
        <translation>حدد مستندات في قائمة المستندات أولاً.</translation>
    </message>
    <message>
        <source>Type the annotator&apos;s name.</source>
        <translation>اكتب اسم الموسِّم.</translation>
    </message>
    <message>
        <source>Took back %1 document(s) from %2; sent at the next sync.</source>
        <translation>استُرجع %1 مستند من %2؛ يُرسل ذلك في المزامنة القادمة.</translation>
    </message>
    <message>
        <source>Assigned %1 document(s) to %2; sent at the next sync.</source>
        <translation>أُسند %1 مستند إلى %2؛ يُرسل ذلك في المزامنة القادمة.</translation>
    </message>
</context>
<context>
    <name>Transfer</name>
    <message>
        <source>Detect the format</source>
        <translation>اكتشاف الصيغة تلقائياً</translation>
    </message>
    <message>
        <source>Articles (.txt) and Qawl JSONL (.jsonl)</source>
        <translation>مقالات (.txt) و JSONL قول (.jsonl)</translation>
    </message>
    <message>
        <source>doccano JSONL</source>
        <translation>JSONL من doccano</translation>
    </message>
    <message>
        <source>Label Studio JSON export</source>
        <translation>تصدير JSON من Label Studio</translation>
    </message>
    <message>
        <source>Prodigy JSONL</source>
        <translation>JSONL من Prodigy</translation>
    </message>
    <message>
        <source>brat standoff (.txt + .ann)</source>
        <translation>brat standoff ‏(.txt + .ann)</translation>
    </message>
    <message>
        <source>Qawl JSONL: one line per document and annotator (qawl-export/1)</source>
        <translation>JSONL قول: سطر لكل مستند وموسِّم (qawl-export/1)</translation>
    </message>
    <message>
        <source>Quotes: one line per quote with speaker, cue and date (qawl-quotes/1)</source>
        <translation>الاقتباسات: سطر لكل اقتباس مع المتحدث وفعل القول والتاريخ (qawl-quotes/1)</translation>
    </message>
    <message>
        <source>Claims: one line per claim with claimant, verdict and fact-check (qawl-claims/1)</source>
        <translation>الادعاءات: سطر لكل ادعاء مع صاحبه وحكمه ورابط التحقق (qawl-claims/1)</translation>
    </message>
    <message>
        <source>ClaimReview JSON-LD (schema.org): the claims with a verdict</source>
        <translation>ClaimReview JSON-LD (schema.org): الادعاءات التي لها حكم</translation>
    </message>
    <message>
        <source>doccano JSONL (a folder: one file per annotator)</source>
        <translation>JSONL من doccano (مجلد: ملف لكل موسِّم)</translation>
    </message>
    <message>
        <source>Label Studio JSON (a folder: tasks and labelling config)</source>
        <translation>JSON لـ Label Studio (مجلد: المهام وإعداد التوسيم)</translation>
    </message>
    <message>
        <source>brat standoff (a folder of .txt + .ann)</source>
        <translation>brat standoff (مجلد من ‎.txt + .ann)</translation>
    </message>
    <message>
        <source>e.g. Source=SPEAKER, Content=QUOTE, Discard=</source>
        <translation>مثلاً Source=SPEAKER, Content=QUOTE, Discard=</translation>
    </message>
    <message>
        <source>or a mapping file</source>
        <translation>أو ملف مطابقة</translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation>استعراض…</translation>
    </message>
    <message>
        <source>Label mapping file</source>
        <translation>ملف مطابقة الوسوم</translation>
    </message>
</context>
<context>
    <name>VerdictMenu</name>
    <message>
        <source>&amp;0  (no verdict)</source>
        <translation>&amp;0  (بلا حكم)</translation>
    </message>
</context>
</TS>
