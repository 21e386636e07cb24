"""Edits DOCX files the way an editor would, in LibreOffice Writer driven over UNO.

Usage: python3 libreoffice-edit.py JOBS.json
JOBS.json: [{"input": "a.docx", "output": "b.docx", "edits": [{"op": "...", ...}]}]
One LibreOffice process serves every job, so many edited copies cost one start-up.
Each edit works through Writer's own model (search, cursors, text fields), never on the XML.
"""
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time

import uno
from com.sun.star.beans import PropertyValue
from com.sun.star.text.ControlCharacter import PARAGRAPH_BREAK


AUTHOR = 'Kari Redaktør'


def escape(text):
    return text.replace('&', '&amp;').replace('<', '&lt;').replace('>', '&gt;')


def prop(name, value):
    p = PropertyValue()
    p.Name = name
    p.Value = value
    return p


def start_office(profile):
    pipe = 'rvimport%d' % os.getpid()
    office = subprocess.Popen(['soffice', '-env:UserInstallation=file://' + profile, '--headless', '--invisible',
                               '--norestore', '--nologo', '--accept=pipe,name=%s;urp;' % pipe],
                              stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    local = uno.getComponentContext()
    resolver = local.ServiceManager.createInstanceWithContext('com.sun.star.bridge.UnoUrlResolver', local)
    for _ in range(600):
        try:
            ctx = resolver.resolve('uno:pipe,name=%s;urp;StarOffice.ComponentContext' % pipe)
            return office, ctx.ServiceManager.createInstanceWithContext('com.sun.star.frame.Desktop', ctx), ctx
        except Exception:
            time.sleep(0.1)
    office.kill()
    raise RuntimeError('LibreOffice did not start')


def find(doc, text):
    search = doc.createSearchDescriptor()
    search.SearchString = text
    search.SearchCaseSensitive = True
    found = doc.findFirst(search)
    if found is None:
        raise RuntimeError('text not found: %r' % text)
    return found


def insert_paragraphs_after(doc, text, paragraphs):
    """New paragraphs after the one containing `text`: [{"text": ..., "style": ...}], as typed after Enter."""
    found = find(doc, text)
    cursor = found.Text.createTextCursorByRange(found.End)
    cursor.gotoEndOfParagraph(False)
    for para in paragraphs:
        cursor.Text.insertControlCharacter(cursor, PARAGRAPH_BREAK, False)
        cursor.ParaStyleName = para.get('style', 'Standard')
        cursor.Text.insertString(cursor, para['text'], False)


def annotate(fodt, phrase, text, author):
    """A comment on `phrase`, as Writer stores one in its flat XML format.

    LibreOffice 7.4 without a display crashes when a comment made over UNO is laid out, so the
    comment goes into Writer's own file, and a separate `--convert-to docx` writes the DOCX.
    """
    xml = open(fodt, encoding='utf-8').read()
    at = xml.index(phrase)
    note = ('<office:annotation office:name="c1"><dc:creator>%s</dc:creator><dc:date>2024-03-04T10:00:00</dc:date>'
            '<text:p>%s</text:p></office:annotation>' % (escape(author), escape(text)))
    xml = xml[:at] + note + phrase + '<office:annotation-end office:name="c1"/>' + xml[at + len(phrase):]
    open(fodt, 'w', encoding='utf-8').write(xml)


def apply(doc, edit):
    """One edit, made through Writer's API as a user's action would make it."""
    op = edit['op']
    if op == 'replace':
        find(doc, edit['find']).String = edit['with']
    elif op == 'rewrite-paragraph':
        found = find(doc, edit['find'])
        cursor = found.Text.createTextCursorByRange(found.Start)
        cursor.gotoStartOfParagraph(False)
        cursor.gotoEndOfParagraph(True)
        cursor.String = edit['with']
    elif op == 'insert-after':
        insert_paragraphs_after(doc, edit['find'], edit['paragraphs'])
    elif op == 'delete-paragraph':
        found = find(doc, edit['find'])
        cursor = found.Text.createTextCursorByRange(found.Start)
        cursor.gotoStartOfParagraph(False)
        cursor.gotoEndOfParagraph(True)
        cursor.goRight(1, True)  # and its paragraph mark
        cursor.String = ''
    elif op == 'move-paragraph':
        # Cut and paste, as an editor moves a paragraph: the copy keeps the paragraph's bookmark.
        found = find(doc, edit['find'])
        cursor = found.Text.createTextCursorByRange(found.Start)
        cursor.gotoStartOfParagraph(False)
        cursor.gotoEndOfParagraph(True)
        cursor.goRight(1, True)
        controller = doc.CurrentController
        controller.select(cursor)
        cut = controller.getTransferable()
        cursor.String = ''
        target = find(doc, edit['after'])
        at = target.Text.createTextCursorByRange(target.End)
        at.gotoEndOfParagraph(False)
        at.Text.insertControlCharacter(at, PARAGRAPH_BREAK, False)
        controller.select(at)
        controller.insertTransferable(cut)
    elif op == 'bold':
        find(doc, edit['find']).CharWeight = 150.0
    elif op == 'language':
        locale = uno.createUnoStruct('com.sun.star.lang.Locale')
        locale.Language, locale.Country = edit['lang'].split('-')
        find(doc, edit['find']).CharLocale = locale
    elif op == 'footnote':
        found = find(doc, edit['find'])
        note = doc.createInstance('com.sun.star.text.Footnote')
        found.Text.insertTextContent(found.End, note, False)
        note.String = edit['text']
    elif op == 'text-box':
        found = find(doc, edit['find'])
        frame = doc.createInstance('com.sun.star.text.TextFrame')
        found.Text.insertTextContent(found.End, frame, False)
        frame.String = edit['text']
    elif op == 'tracked-delete':
        doc.RecordChanges = True
        find(doc, edit['find']).String = ''
        doc.RecordChanges = False
    elif op == 'table-row':
        for i in range(doc.TextTables.Count):
            table = doc.TextTables.getByIndex(i)
            for r in range(table.Rows.Count):
                if table.getCellByPosition(0, r).String == edit['after']:
                    table.Rows.insertByIndex(r + 1, 1)
                    for c, value in enumerate(edit['cells']):
                        table.getCellByPosition(c, r + 1).String = value
                    return
        raise RuntimeError('row not found: %r' % edit['after'])
    elif op == 'table-cell':
        for i in range(doc.TextTables.Count):
            table = doc.TextTables.getByIndex(i)
            for name in table.CellNames:
                cell = table.getCellByName(name)
                if cell.String == edit['find']:
                    cell.String = edit['with']
                    return
        raise RuntimeError('cell not found: %r' % edit['find'])
    else:
        raise RuntimeError('unknown edit: %s' % op)


def load(desktop, path):
    url = uno.systemPathToFileUrl(os.path.abspath(path))
    # Just after start-up, Writer may not be ready to load yet and answers with nothing.
    for _ in range(100):
        doc = desktop.loadComponentFromURL(url, '_blank', 0, ())
        if doc is not None:
            return doc
        time.sleep(0.2)
    raise RuntimeError('LibreOffice cannot open %s' % path)


def set_user_name(office_context, given, family):
    """Tracked changes carry the name of the user in the profile, as in a word processor."""
    provider = office_context.ServiceManager.createInstanceWithContext('com.sun.star.configuration.ConfigurationProvider', office_context)
    access = provider.createInstanceWithArguments('com.sun.star.configuration.ConfigurationUpdateAccess',
                                                  (prop('nodepath', '/org.openoffice.UserProfile/Data'),))
    access.setPropertyValue('givenname', given)
    access.setPropertyValue('sn', family)
    access.commitChanges()


def main():
    jobs = json.load(open(sys.argv[1]))
    profile = tempfile.mkdtemp(prefix='rv-lo-profile-')
    office, desktop, office_context = start_office(profile)
    set_user_name(office_context, 'Kari', 'Redaktør')
    converts = []
    try:
        for job in jobs:
            doc = load(desktop, job['input'])
            comments = [e for e in job['edits'] if e['op'] == 'comment']
            for edit in job['edits']:
                if edit['op'] != 'comment':
                    apply(doc, edit)
            if comments:
                fodt = os.path.join(profile, os.path.splitext(os.path.basename(job['output']))[0] + '.fodt')
                doc.storeToURL(uno.systemPathToFileUrl(fodt), (prop('FilterName', 'OpenDocument Text Flat XML'),))
                for edit in comments:
                    annotate(fodt, edit['find'], edit['text'], AUTHOR)
                converts.append((fodt, os.path.abspath(job['output'])))
            else:
                doc.storeToURL(uno.systemPathToFileUrl(os.path.abspath(job['output'])), (prop('FilterName', 'MS Word 2007 XML'),))
            doc.close(True)
    finally:
        try:
            desktop.terminate()
        except Exception:
            pass
        try:
            office.wait(timeout=60)
        except subprocess.TimeoutExpired:
            office.kill()
    if converts:
        outdir = os.path.join(profile, 'docx')
        subprocess.run(['soffice', '-env:UserInstallation=file://' + profile, '--headless', '--convert-to', 'docx',
                        '--outdir', outdir] + [f for f, _ in converts], check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        for fodt, output in converts:
            shutil.move(os.path.join(outdir, os.path.splitext(os.path.basename(fodt))[0] + '.docx'), output)
    shutil.rmtree(profile, ignore_errors=True)


main()
