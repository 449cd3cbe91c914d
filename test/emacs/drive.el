;;; drive.el --- drives eglot headless against the UnitGuard language server  -*- lexical-binding: t -*-
;; Loads the setup the README gives (UNITGUARD_EMACS_SETUP), opens one unit file
;; (UNITGUARD_EMACS_FILE) and writes what eglot got from the server as JSON (UNITGUARD_EMACS_OUT):
;; the major mode, the server's name, hover on ProtectSystem=, completion after "Prot", and the
;; diagnostics flymake shows, as [line, type, text].
(require 'json)

(defvar unitguard-results nil)

(defun unitguard-put (key value)
  (push (cons key value) unitguard-results))

(defun unitguard-wait (what predicate seconds)
  "Runs timers and process output until PREDICATE gives non-nil, or SECONDS pass (noted as a timeout)."
  (let ((deadline (+ (float-time) seconds)) (value nil))
    (while (and (not (setq value (funcall predicate))) (< (float-time) deadline))
      (accept-process-output nil 0.1))
    (unless value (unitguard-put 'timeout what))
    value))

(condition-case err
    (progn
      (load (getenv "UNITGUARD_EMACS_SETUP") nil t)
      (require 'eglot)
      (find-file (getenv "UNITGUARD_EMACS_FILE"))
      (unitguard-put 'mode (symbol-name major-mode))
      ;; eglot-ensure connects from post-command-hook, which batch mode never runs by itself.
      (run-hooks 'post-command-hook)
      (when (unitguard-wait "the server" #'eglot-current-server 30)
        (let ((server (eglot-current-server)))
          (unitguard-put 'server (plist-get (eglot--server-info server) :name))
          (goto-char (point-min))
          (search-forward "ProtectSystem")
          (unitguard-put 'hover (jsonrpc-request server :textDocument/hover (eglot--TextDocumentPositionParams)))
          (goto-char (point-min))
          (search-forward-regexp "^Prot$")
          (unitguard-put 'completion (jsonrpc-request server :textDocument/completion (eglot--CompletionParams)))
          (unitguard-wait "diagnostics" #'flymake-diagnostics 30)
          (unitguard-put 'diagnostics
                         (vconcat (mapcar (lambda (d)
                                            (vector (line-number-at-pos (flymake-diagnostic-beg d))
                                                    (symbol-name (flymake-diagnostic-type d))
                                                    (flymake-diagnostic-text d)))
                                          (flymake-diagnostics)))))))
  (error (unitguard-put 'error (format "%S" err))))

(with-temp-file (getenv "UNITGUARD_EMACS_OUT")
  (insert (json-encode unitguard-results)))
(kill-emacs 0)
