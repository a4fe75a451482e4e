//! The interface in Simplified Chinese (简体中文), with the domain errors worded in Chinese.

use super::Strings;
use crate::export::ExportError;
use crate::import::doc::DocError;
use crate::import::docx::DocxError;
use crate::import::odt::OdtError;
use crate::import::pdf::PdfError;
use crate::parse::BinaryKind;

/// Why a Word document cannot be read, in Chinese (the system's words for the details).
fn chinese_binary_kind(kind: BinaryKind) -> &'static str {
    match kind {
        BinaryKind::Pdf => "PDF 文件",
        BinaryKind::Png => "PNG 图片",
        BinaryKind::Jpeg => "JPEG 图片",
        BinaryKind::Gif => "GIF 图片",
        BinaryKind::Zip => "ZIP 压缩包，不是 Word 文档",
        BinaryKind::OldOffice => "旧版 Word（.doc）或 Office 文件",
        BinaryKind::Rtf => "RTF 文档",
        BinaryKind::Gzip => "gzip 压缩包",
        BinaryKind::Program => "程序",
    }
}

fn chinese_export_problem(error: &ExportError) -> String {
    match error {
        ExportError::NothingTagged => {
            "没有可导出的内容：没有段落带有所选的标签（请先标注段落）".to_owned()
        }
        ExportError::Docx(problem) => format!("无法生成 Word 文档：{problem}"),
        ExportError::Pdf(problem) => format!("无法生成 PDF：{problem}"),
        ExportError::PdfCannotShow(characters) => format!(
            "PDF 的字体无法显示 {}；请导出为 Word 或 HTML，它们使用系统字体",
            crate::export::quoted_characters(characters)
        ),
    }
}

fn chinese_docx_problem(error: &DocxError) -> String {
    match error {
        DocxError::Package(problem) => format!("Word 文档已损坏（无法读取其 ZIP 包：{problem}）"),
        DocxError::NoBody => "Word 文档没有正文（缺少 word/document.xml）".to_owned(),
        DocxError::Xml { part, problem } => {
            format!("Word 文档已损坏（{part} 不是有效的 XML：{problem}）")
        }
        DocxError::TooLarge { part, limit_mib } => {
            format!("Word 文档的 {part} 解压后超过 {limit_mib} MiB")
        }
        DocxError::Encrypted => {
            "Word 文档已加密（受密码保护）；请另存一份不带密码的副本".to_owned()
        }
    }
}

/// Why an OpenDocument text cannot be read, in Chinese.
fn chinese_odt_problem(error: &OdtError) -> String {
    match error {
        OdtError::Package(problem) => {
            format!("OpenDocument 文件已损坏（无法读取其 ZIP 包：{problem}）")
        }
        OdtError::NoBody => "OpenDocument 文件没有正文（缺少 content.xml）".to_owned(),
        OdtError::Xml { part, problem } => {
            format!("OpenDocument 文件已损坏（{part} 不是有效的 XML：{problem}）")
        }
        OdtError::TooLarge { part, limit_mib } => {
            format!("OpenDocument 文件的 {part} 解压后超过 {limit_mib} MiB")
        }
        OdtError::Encrypted => {
            "OpenDocument 文件已加密（受密码保护）；请另存一份不带密码的副本".to_owned()
        }
    }
}

/// Why an old Word document cannot be converted, in Chinese.
fn chinese_doc_problem(error: &DocError) -> String {
    match error {
        DocError::NoConverter => {
            "这是旧版 Word 文档（.doc）；paratag 用 LibreOffice 转换它，但本机未安装 \
                                  LibreOffice：请安装 LibreOffice，或在 Word 中将文件另存为 .docx"
                .to_owned()
        }
        DocError::Failed(said) => format!("LibreOffice 无法转换此旧版 Word 文档（.doc）：{said}"),
        DocError::TimedOut => format!(
            "LibreOffice 转换此旧版 Word 文档（.doc）超过了 {} 秒",
            crate::import::doc::TIMEOUT.as_secs()
        ),
    }
}

/// Why a PDF cannot be read, in Chinese.
fn chinese_pdf_problem(error: &PdfError) -> String {
    match error {
        PdfError::Damaged => "PDF 文件已损坏，无法读取".to_owned(),
        PdfError::Encrypted => "PDF 文件受密码保护；请另存一份不带密码的副本".to_owned(),
        PdfError::NoText { pages } => format!(
            "PDF 中没有可读取的文本（{pages} 页图像：没有文本层的扫描件）；paratag 不识别图像中的文字"
        ),
    }
}

/// The steps of a save (`storage::SaveError::Io`) in Chinese.
fn chinese_step(step: &'static str) -> &'static str {
    match step {
        "read the file before saving" => "在保存前读取文件",
        "keep the previous version as .bak" => "将上一版本保留为 .bak",
        "write the file" => "写入文件",
        "look at the file before saving" => "在保存前检查文件",
        "follow the link to the file" => "沿链接找到文件",
        other => other,
    }
}

pub(super) static CHINESE: Strings = Strings {
    menu_file: "文件",
    menu_edit: "编辑",
    menu_view: "视图",
    menu_help: "帮助",
    interface_language: "界面语言",
    challenge: "挑战",
    good_practice: "良好做法",
    proposal: "提议",
    tags: "标签",
    note: "备注",
    note_hint: "为简报写的备注（在报告中按 Enter 开始，Esc 离开）",
    no_selection: "选择一个段落来加标签：单击段落，或使用 ↓ / ↑（j / k）。",
    paragraph_prefix: "第",
    paragraph_suffix: "段",
    paragraphs: "个段落",
    unsaved: "有未保存的更改",
    no_changes: "没有更改",
    find: "查找",
    no_matches: "没有匹配项",
    close: "关闭",
    outline: "大纲",
    nothing_matches_filter: "没有段落带有所选标签。",
    filter_showing: "已筛选：仅显示标为{tags}的段落（共 {total} 段，显示 {shown} 段）。",
    show_all: "显示全部",
    list_separator: "、",
    cancel: "取消",
    close_report_question: "关闭前保存“{name}”的标签吗？",
    close_several: "以下报告有未保存的标签：{names}。选择保存将逐一保存。",
    close_report: "关闭报告",
    next_report: "下一份报告",
    previous_report: "上一份报告",
    close_named: "关闭 {name}",
    open_reports_in_note: "引用的已打开报告",
    other_reports_in_note: "未打开的报告",
    save_briefing: "保存简报设置…",
    merge_tags: "合并标签…",
    filter_person: "按标注人",
    everyone: "所有人",
    filter_person_showing: "已筛选：仅显示 {name} 最后标注的段落{tags}（共 {total} 段，显示 {shown} 段）。",
    filter_person_tags: "，标为{tags}",
    name_note_writers: "注明每条备注的作者",
    merged: "已合并 {file}：{what}。可用撤销还原。",
    merged_nothing: "已合并 {file}：没有新内容——其中的标签和备注这里都已有。",
    merge_counts: [
        ("新增 {n} 段", "新增 {n} 段"),
        ("{n} 段更新为较新的标注", "{n} 段更新为较新的标注"),
        (
            "{n} 段按其中的修改取消了标注",
            "{n} 段按其中的修改取消了标注",
        ),
        ("{n} 段增加了标签", "{n} 段增加了标签"),
        ("合并 {n} 条备注", "合并 {n} 条备注"),
        (
            "{n} 处冲突待在标签面板中处理",
            "{n} 处冲突待在标签面板中处理",
        ),
        (
            "{n} 个标签未能定位，予以保留",
            "{n} 个标签未能定位，予以保留",
        ),
    ],
    cannot_merge: "无法合并标签：{problem}。未作任何更改 —— {path}",
    merge_foreign: "这些标签属于 {theirs}，而不是本报告",
    conflict_title: "冲突",
    conflict_detail: "合并的文件中对这条备注作了不同的修改。请保留其一，或两者都保留：",
    conflict_keep: "保留此条",
    conflict_take: "使用此条",
    conflict_keep_all: "两者都保留",
    tagged_by: "标注人：{name}",
    tagged_by_you: "标注人：您",
    your_name: "您的姓名",
    your_name_detail: "随您添加的每个标签和备注一起保存，同事合并您的标签文件时可以看到是谁标注的。",
    by_report_then_tag: "按报告，再按标签",
    filter_briefing_file: "paratag 简报设置",
    briefing_saved: "简报设置已保存（报告及简报选项）—— {path}",
    could_not_save_briefing: "无法保存简报设置：{problem} —— {path}",
    briefing_needs_files: "内置报告没有文件可记录：请先打开会议的报告",
    cannot_open_briefing: "无法打开简报设置：{problem} —— {path}",
    briefing_paused: "已打开简报设置中 {total} 份报告里的 {opened} 份。请先回答问题，再次打开简报设置即可打开其余报告。",
    quote_part: "引用范围",
    whole_paragraph: "整段",
    next_part: "只引用下一个分项",
    no_parts: "本段没有单独成行的分项（a）、（b）……，将整段引用。",
    on_screen: "当前显示",
    dismiss: "知道了",
    shortcut_column: "快捷键",
    command_column: "命令",
    about_text: "paratag 用于阅读联合国报告，并将其编号段落标注为挑战、良好做法和提议，以便撰写简报。",
    no_symbol: "（无文号）",
    drop_hint: "将报告拖到此处即可打开\n（按住 Shift 则在本报告旁对照显示）",
    open_report: "打开报告…",
    quit: "退出",
    undo: "撤销",
    redo: "重做",
    find_command: "查找…",
    find_next: "查找下一个",
    find_previous: "查找上一个",
    select_next: "下一段",
    select_previous: "上一段",
    next_tagged: "下一个带标签的段落",
    previous_tagged: "上一个带标签的段落",
    write_note: "写备注",
    clear_filter: "显示所有段落",
    toggle_outline: "大纲",
    original_page: "原文页面",
    page_of: "第{page}页，共{pages}页",
    pages_only_pdf: "只有从 PDF 打开的报告才能显示原文页面；此报告没有印刷页面。",
    page_failed: "第{page}页无法显示：{reason}。",
    page_painting: "正在绘制页面……",
    page_hint: "点击页面上的段落即可选中该段。",
    zoom_in: "放大",
    zoom_out: "缩小",
    zoom_reset: "实际大小",
    dark_mode: "深色模式",
    keyboard_shortcuts: "键盘快捷键",
    about: "关于 paratag",
    filter_prefix: "只显示：",
    save: "保存",
    export: "导出简报…",
    export_title: "导出简报",
    format: "格式",
    group_by: "分组",
    paper: "纸张",
    add_report_to_note: "添加报告…",
    reports_in_note: "本简报中的报告",
    this_report: "当前报告",
    remove: "移除",
    cannot_add_report: "无法将报告加入简报：{problem} — {path}",
    no_tags_yet: "该报告尚无标签（请先打开、标注并保存，再添加）",
    tags_for_another: "其旁边的标签文件属于 {theirs}",
    already_in_note: "该报告已在简报中",
    paper_a4: "A4",
    suggest_tags: "建议标记",
    next_suggestion: "下一条建议",
    accept_suggested: "接受建议的标记",
    dismiss_suggested: "忽略建议的标记",
    accept_all_suggested: "接受所有建议的“{tag}”",
    suggested_heading: "建议",
    accept: "接受",
    dismiss_suggestion: "忽略",
    suggested_notice: "共在 {paragraphs} 个段落中建议了 {count} 个标记（空心标记）：按 m 转到下一条，a 接受，d 忽略。",
    no_cues: "paratag 尚无 {language} 报告的提示词（见 docs/suggestions.md）。",
    no_more_suggestions: "此段之后没有更多建议。",
    cannot_read_cues: "无法读取您自己的提示词，仅使用 paratag 自带的提示词：{problem} — {path}",
    parallel_version: "对照版本…",
    close_parallel: "关闭对照版本",
    swap_versions: "交换左右版本",
    cannot_open_parallel: "无法在报告旁显示该文件：{problem} — {path}",
    parallel_is_tags: "这是标记文件，不是报告",
    no_parallel: "尚未打开其他语文版本（视图 ▸ 对照版本…）。",
    only_in_other: "仅见于对照版本：标记只能加在报告本身的段落上。",
    quote_parallel: "在每段摘录下引用对照版本",
    parallel_left_out: "先引用的版本缺少以下已标记段落，不会导出：{numbers}",
    parallel_status: "对照：{name}",
    version_other_document: "对照版本是另一份文件（{right}，而非 {left}）；段落仍按编号对照",
    version_other_issue: "对照版本是该报告的另一版次（{right}，而非 {left}）",
    version_no_symbol: "没有文号表明两个版本是同一份报告；段落按编号对照",
    version_only_other: "只在对照版本中的段落：{numbers}",
    version_lacks: "对照版本缺少的段落：{numbers}",
    paper_letter: "美式信纸（Letter）",
    by_tag: "按标签",
    in_document_order: "按文件顺序",
    tag_order: "标签顺序",
    move_up: "上移",
    trim_quotes: "引文截取至",
    characters: "字",
    citation_language: "引用和标签语言",
    merge_consecutive: "连续段落合并引用（第12至14段）",
    preview: "预览",
    save_export: "保存…",
    copy_markdown: "复制为 Markdown",
    copy_text: "复制为纯文本",
    exported_to: "简报已保存",
    copied: "简报已复制到剪贴板",
    save_as: "另存为…",
    open_recent: "最近打开",
    orphans: "无法定位的标签",
    orphans_detail: "这些标签是在报告的另一文本上添加的，在此找不到对应段落。它们会被保留并随文件一起保存。",
    close_question: "关闭前保存标签吗？",
    close_detail: "您的标签和备注有未保存的更改。",
    discard: "不保存",
    changed_question: "标签文件已被其他程序修改",
    changed_detail: "现在保存会覆盖这些修改。将标签另存为其他文件，还是覆盖？",
    overwrite: "覆盖",
    foreign_question: "这些标签属于另一份文件",
    open_anyway_tags: "仍然打开",
    recovery_question: "恢复未保存的标签？",
    recovery_detail: "paratag 上次未正常关闭。恢复副本中有您尚未保存的已标注段落：",
    restore: "恢复",
    not_saved_yet: "尚无标签文件",
    tags_file: "标签文件",
    cannot_open_tags: "无法打开标签文件：{problem}。该文件未被改动，paratag 也不会覆盖它（保存时会询问另存位置）— {path}",
    could_not_save: "无法保存标签：{problem}。标签仍在，尚未保存；请用“另存为”保存到别处 — {path}",
    could_not_write_recovery: "无法写入恢复副本（{problem}）；请尽快保存标签 — {path}",
    could_not_export: "无法导出简报：{problem} — {path}",
    could_not_write_file: "无法写入文件：{problem}",
    reanchored: "报告文本与制作这些标签时的文本不同：{exact} 条精确定位，{moved} 条已移动，{fuzzy} 条模糊匹配，{orphans} 条无法定位（保留在标签面板中）。",
    cannot_open_dropped_tags: "无法打开标签文件：{problem}。屏幕上的标签保持不变 — {path}",
    foreign_tags_taken: "{theirs} 的标签已用于本报告。保存时会询问保存位置，另一报告的文件保持不变 — {path}",
    no_dialog: "此桌面没有自带的文件对话框（既没有 XDG 桌面门户，也没有 zenity），因此使用 paratag 自己的文件对话框。安装 zenity 即可使用桌面的对话框。",
    filter_reports: "报告和标签文件",
    filter_all_files: "所有文件",
    filter_tags: "paratag 标签文件",
    filter_briefing: "简报",
    builtin_source: "{name}（内置报告）",
    export_problem: chinese_export_problem,
    open: "打开",
    cannot_open_report: "无法打开报告：{problem} — {path}",
    report_too_large: "文件大小为 {size} MiB，太大，不可能是一份报告",
    report_no_paragraphs: "未找到编号段落（联合国报告的段落编号为“1.”“2.”……）",
    report_empty: "文件是空的",
    report_not_text: "这不是文本文件（其中是二进制数据）",
    report_pdf: "这是 PDF 文件，不是文本；请先提取其文本（例如用 `pdftotext -layout`）",
    report_word: "这是旧版 Word 或 RTF 文档，不是文本；请先在 Word 或 LibreOffice 中将其另存为 Word 文档（.docx）",
    report_other_binary: "这不是文本（{what}）；请改为打开报告的文本",
    tags_empty: "文件是空的",
    tags_not_text: "文件不是文本（UTF-8）",
    tags_cut_short: "第 {line} 行第 {column} 列：文件在一个字符中间结束（是否被截断了？）",
    tags_syntax: "第 {line} 行第 {column} 列：{message}",
    tags_newer: "它由较新版本的 paratag 写成（格式 {found}；本版本最高读取格式 {supported}）；请更新 paratag 后再打开",
    tags_unknown_tag: "第 {paragraph} 段有未知标签“{tag}”",
    not_a_file: "它是{kind}，不是文件",
    kind_folder: "文件夹",
    kind_pipe: "命名管道",
    kind_device: "设备",
    kind_socket: "套接字",
    kind_other: "特殊对象",
    too_large_to_read: "文件超过 {limit} MiB，太大，无法读取",
    save_read_only: "文件是只读的",
    tags_read_back: "即将写入的标签读回后不一致，文件保持原样（请报告此问题）",
    save_hard_linked: "该文件还有 {others} 个其他名称（硬链接）；保存会为它建立新副本，而其他名称仍指向旧版本",
    save_protected: "它是{what}，不能被覆盖",
    protected_report: "报告本身",
    protected_tags: "paratag 标签文件",
    save_changed_on_disk: "自 paratag 打开以来，该文件已被其他程序修改",
    save_step_failed: "无法{step}：{problem}",
    hard_link_question: "替换一个有其他名称的文件？",
    hard_link_detail: "此标签文件还可通过其他名称（硬链接）访问。保存会以此名称写入新文件；其他名称仍保留之前的版本。",
    save_anyway: "仍然保存",
    note_too_long: "一条备注最多 {max} 个字符；超出的部分未被加入。",
    note_shown_truncated: "此备注超过 {max} 个字符：只显示前 {max} 个，且不能在此编辑，但会完整保留并保存。",
    recovery_several: "有多个窗口未正常关闭，各自留下了恢复副本。请恢复其中一份（其余的留待以后），或全部丢弃：",
    recovery_changed_report: "报告此后已有改动；标签会重新定位，找不到位置的作为孤立标签保留。",
    decide_later: "以后再说",
    discard_all: "全部丢弃",
    tagged_paragraphs: "{count} 个已标注段落，{when}",
    today_at: "今天 {time}",
    yesterday_at: "昨天 {time}",
    on_date_at: "{date} {time}",
    date_this_year: "{month}{day}日",
    date_other_year: "{year}年{month}{day}日",
    months: [
        "1月", "2月", "3月", "4月", "5月", "6月", "7月", "8月", "9月", "10月", "11月", "12月",
    ],
    earlier_session: "之前的某次会话",
    converting: "正在用 LibreOffice 转换旧版 Word 文档…… — {file}",
    reading_pdf: "正在读取 PDF…… — {file}",
    save_step: chinese_step,
    binary_kind: chinese_binary_kind,
    docx_problem: chinese_docx_problem,
    odt_problem: chinese_odt_problem,
    pdf_problem: chinese_pdf_problem,
    doc_problem: chinese_doc_problem,
};
